using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class GlobalWindowTests
{
    [Fact]
    public void A_count_trigger_should_fire_the_global_window_every_n_elements_keeping_its_contents()
    {
        var harness = HarnessOf(Keyed().Window(GlobalWindows.Create()).Trigger(CountTrigger.Of(2)).Reduce(Sum));

        harness.ProcessElements(("a", 1), ("a", 2), ("b", 100), ("a", 3), ("a", 4), ("a", 5));

        Assert.Equal([At(("a", 3L), long.MaxValue), At(("a", 10L), long.MaxValue)], harness.Records);
    }

    [Fact]
    public void A_purging_count_trigger_should_make_count_windows()
    {
        var harness = HarnessOf(Keyed().Window(GlobalWindows.Create()).Trigger(PurgingTrigger.Of(CountTrigger.Of(2))).Reduce(Sum));

        harness.ProcessElements(("a", 1), ("a", 2), ("a", 3), ("a", 4), ("a", 5));

        Assert.Equal([("a", 3L), ("a", 7L)], harness.Values);
    }

    [Fact]
    public void The_default_trigger_should_never_fire_and_no_cleanup_timer_should_exist()
    {
        var harness = HarnessOf(Keyed().Window(GlobalWindows.Create()).Reduce(Sum));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), GlobalWindow>>(
            harness.Operator);

        harness.ProcessElements(("a", 1), ("a", 2));
        harness.ProcessWatermark(Watermarks.Max);

        Assert.Empty(harness.Values);
        Assert.Empty(op.Timers.EventTimers);
        Assert.Empty(op.Timers.ProcessingTimers);
        Assert.Equal(1, StateEntries(op.KeyedState));
    }
}

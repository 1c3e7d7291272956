using ActorStream.Graph.Operators;
using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;
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

    [Theory]
    [InlineData(RuntimeExecutionMode.Streaming)]
    [InlineData(RuntimeExecutionMode.Batch)]
    public void The_end_of_stream_trigger_should_fire_each_key_once_at_the_final_watermark(RuntimeExecutionMode mode)
    {
        var stream = Keyed().Window(GlobalWindows.CreateWithEndOfStreamTrigger()).Reduce(Sum);
        var harness = OperatorHarness.ForStream<(string Key, long Value), (string Key, long Value)>(stream, OperatorContext.ForTest(mode: mode)).Open();

        harness.ProcessElements(("a", 1), ("b", 10), ("a", 2));
        harness.ProcessWatermark(1_000_000);
        Assert.Empty(harness.Values);
        harness.ProcessElements(("a", 3));
        harness.ProcessWatermark(Watermarks.Max);

        Assert.Equal([At(("a", 6L), long.MaxValue), At(("b", 10L), long.MaxValue)], harness.Records.OrderBy(r => r.Value.Key));
        Assert.Equal([1_000_000, Watermarks.Max], harness.Output.Watermarks);
    }

    [Fact]
    public void The_end_of_stream_trigger_should_fire_once_after_a_restore()
    {
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(Keyed()
                .Window(GlobalWindows.CreateWithEndOfStreamTrigger()).Process(new JoinValues<GlobalWindow>()).Transformation),
            [E("a", 1), E("b", 2), W(50), E("a", 3), E("b", 4), W(Watermarks.Max)]);
    }

    private static Action<OperatorHarness<(string Key, long Value), string>> E(string key, long value) => h => h.ProcessElement((key, value));

    private static Action<OperatorHarness<(string Key, long Value), string>> W(long watermark) => h => h.ProcessWatermark(watermark);
}

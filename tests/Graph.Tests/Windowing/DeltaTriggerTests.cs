using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class DeltaTriggerTests
{
    private static DeltaTrigger<(string Key, long Value), GlobalWindow> MovedMoreThan(double threshold) =>
        DeltaTrigger.Of<(string Key, long Value), GlobalWindow>(threshold, (last, next) => Math.Abs(next.Value - last.Value));

    private static Action<OperatorHarness<(string Key, long Value), string>> E(string key, long value) => h => h.ProcessElement((key, value));

    [Fact]
    public void The_trigger_should_fire_when_the_delta_to_the_last_fired_element_exceeds_the_threshold()
    {
        var harness = HarnessOf(Keyed().Window(GlobalWindows.Create()).Trigger(MovedMoreThan(10)).Process(new JoinValues<GlobalWindow>()));

        // a: 100 is the reference; 110 is not more than 10 away; 111 is (fires, new reference); 121 is not; 122 is.
        harness.ProcessElements(("a", 100), ("a", 110), ("b", 5), ("a", 111), ("b", 50), ("a", 121), ("a", 122));

        Assert.Equal(["100,110,111", "5,50", "100,110,111,121,122"], harness.Values);
    }

    [Fact]
    public void The_trigger_should_keep_its_last_element_per_key_and_window_and_drop_it_on_clear()
    {
        var harness = HarnessOf(Keyed()
            .Window(TumblingEventTimeWindows.Of(Ms(10)))
            .Trigger(PurgingTrigger.Of(MovedMoreThanAnyWindow(3)))
            .Reduce(Sum));
        var op = Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), TimeWindow>>(
            harness.Operator);

        harness.Feed(("a", 1, 1), ("a", 5, 2), ("a", 6, 12), ("a", 20, 13));
        Assert.Equal([At(("a", 6L), 9), At(("a", 26L), 19)], harness.Records);
        harness.ProcessWatermark(30); // the cleanup clears the panes and the trigger's last elements

        Assert.Equal(0, StateEntries(op.KeyedState));
    }

    [Fact]
    public void The_trigger_should_compare_with_the_restored_last_element_after_a_restore()
    {
        FailureScenario.AssertSameOutputWithFailureAnywhere(
            () => OperatorHarness.CreateOperator<(string Key, long Value), string>(Keyed()
                .Window(GlobalWindows.Create()).Trigger(MovedMoreThan(10)).Process(new JoinValues<GlobalWindow>()).Transformation),
            [E("a", 100), E("b", 1), E("a", 105), E("a", 111), E("b", 12), E("a", 115), E("b", 13), E("a", 122), E("b", 30)]);
    }

    [Fact]
    public void A_threshold_that_is_not_a_number_should_be_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MovedMoreThan(double.NaN));
        Assert.Contains("must be a number", error.Message);
    }

    private static DeltaTrigger<(string Key, long Value), TimeWindow> MovedMoreThanAnyWindow(double threshold) =>
        DeltaTrigger.Of<(string Key, long Value), TimeWindow>(threshold, (last, next) => Math.Abs(next.Value - last.Value));
}

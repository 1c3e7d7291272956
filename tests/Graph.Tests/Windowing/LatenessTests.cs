using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class LatenessTests
{
    private static readonly OutputTag<(string Key, long Value)> Late = new("late");

    private static WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), TimeWindow> Op(
        OperatorHarness<(string Key, long Value), (string Key, long Value)> harness) =>
        Assert.IsAssignableFrom<WindowOperator<string, (string Key, long Value), (string Key, long Value), (string Key, long Value), TimeWindow>>(
            harness.Operator);

    [Fact]
    public void Late_elements_within_the_allowed_lateness_should_fire_the_window_again_with_updated_contents()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).AllowedLateness(Ms(5)).SideOutputLateData(Late).Reduce(Sum));
        harness.Feed(("a", 1, 1), ("a", 2, 3));
        harness.ProcessWatermark(9);

        harness.Feed(("a", 4, 5));
        harness.ProcessWatermark(13);
        harness.Feed(("a", 8, 2));

        Assert.Equal([At(("a", 3L), 9), At(("a", 7L), 9), At(("a", 15L), 9)], harness.Records);
        Assert.Empty(harness.Output.SideOutput(Late));
    }

    [Fact]
    public void The_window_state_should_be_cleaned_up_at_max_timestamp_plus_allowed_lateness()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).AllowedLateness(Ms(5)).SideOutputLateData(Late).Reduce(Sum));
        var op = Op(harness);
        harness.Feed(("a", 1, 1), ("b", 2, 3));
        harness.ProcessWatermark(9);
        Assert.Equal(2, StateEntries(op.KeyedState));

        harness.ProcessWatermark(13);
        Assert.Equal(2, StateEntries(op.KeyedState));
        harness.ProcessWatermark(14);

        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Empty(op.Timers.EventTimers);
        Assert.Equal(2, harness.Records.Count); // the cleanup itself emits nothing
    }

    [Fact]
    public void Elements_beyond_the_allowed_lateness_should_go_unchanged_to_the_late_side_output()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).AllowedLateness(Ms(5)).SideOutputLateData(Late).Reduce(Sum));
        var op = Op(harness);
        harness.Feed(("a", 1, 1));
        harness.ProcessWatermark(14);

        harness.Feed(("a", 16, 6), ("a", 32, 15));

        Assert.Equal([At(("a", 16L), 6)], harness.Output.SideOutput(Late));
        Assert.Equal([At(("a", 1L), 9)], harness.Records);
        Assert.Equal(1, StateEntries(op.KeyedState)); // only the window [10, 20) of the element at 15
        Assert.Equal(0, harness.Counter("numLateRecordsDropped"));
    }

    [Fact]
    public void Without_a_late_side_output_late_elements_should_be_dropped_and_counted()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum));
        harness.Feed(("a", 1, 1));
        harness.ProcessWatermark(9);

        harness.Feed(("a", 2, 9), ("a", 4, 0));

        Assert.Equal([At(("a", 1L), 9)], harness.Records);
        Assert.Equal(2, harness.Counter("numLateRecordsDropped"));
        Assert.Empty(harness.Output.SideOutputTags);
    }

    [Fact]
    public void An_element_is_late_only_when_every_window_it_belongs_to_is_late()
    {
        var harness = HarnessOf(Keyed().Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).SideOutputLateData(Late).Reduce(Sum));
        harness.ProcessWatermark(9);

        harness.Feed(("a", 1, 7)); // [0,10) is late, [5,15) is not

        Assert.Empty(harness.Output.SideOutput(Late));
        harness.ProcessWatermark(14);
        Assert.Equal([At(("a", 1L), 14)], harness.Records);
    }

    [Fact]
    public void Processing_time_windows_should_ignore_allowed_lateness_and_never_drop_elements()
    {
        var clock = new ManualProcessingTimeService(start: 100);
        var harness = HarnessOf(Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(10))).AllowedLateness(Ms(50)).SideOutputLateData(Late).Reduce(Sum),
            clock);
        var op = Op(harness);
        harness.ProcessWatermark(1_000);
        harness.Feed(("a", 1, 0));

        clock.AdvanceTo(109);

        Assert.Equal([At(("a", 1L), 109)], harness.Records);
        Assert.Equal(0, StateEntries(op.KeyedState)); // cleaned at the window's end: lateness is for event time
        Assert.Empty(harness.Output.SideOutputTags);
    }
}

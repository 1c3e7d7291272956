using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class TumblingWindowTests
{
    [Fact]
    public void A_window_should_fire_when_the_watermark_reaches_its_max_timestamp_and_emit_before_the_watermark()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum));
        harness.Feed(("a", 1, 1), ("a", 2, 5), ("a", 4, 10), ("a", 8, 19));

        harness.ProcessWatermark(8);
        Assert.Empty(harness.Records);
        harness.ProcessWatermark(9);
        harness.ProcessWatermark(20);

        Assert.Equal(
            [new WatermarkEmitted(8), new RecordEmitted(("a", 3L), 9), new WatermarkEmitted(9),
             new RecordEmitted(("a", 12L), 19), new WatermarkEmitted(20)],
            harness.Output.Events);
    }

    [Fact]
    public void Each_key_should_have_its_own_windows()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum));
        harness.Feed(("a", 1, 1), ("b", 10, 2), ("a", 2, 3), ("b", 20, 15));

        harness.ProcessWatermark(9);

        Assert.Equal([("a", 3L), ("b", 10L)], harness.Values.Order());
        Assert.All(harness.Records, r => Assert.Equal(9, r.Timestamp));
        harness.ProcessWatermark(19);
        Assert.Equal(At(("b", 20L), 19), harness.Records[^1]);
    }

    [Fact]
    public void Windows_with_an_offset_should_work_on_negative_timestamps()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10), Ms(3))).Reduce(Sum));
        harness.Feed(("a", 1, -8), ("a", 2, -2), ("a", 4, 2), ("a", 8, 3));

        harness.ProcessWatermark(100);

        // Windows [-17,-7), [-7,3), [3,13): each result carries its window's max timestamp.
        Assert.Equal([At(("a", 1L), -8), At(("a", 6L), 2), At(("a", 8L), 12)], harness.Records);
    }

    [Fact]
    public void A_fired_window_should_be_cleaned_up_at_its_end_without_allowed_lateness()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(10))).Reduce(Sum));
        var op = Assert.IsAssignableFrom<Graph.Operators.Windowing.WindowOperator<string, (string Key, long Value), (string Key, long Value),
            (string Key, long Value), TimeWindow>>(harness.Operator);
        harness.Feed(("a", 1, 1), ("b", 2, 2));
        Assert.Equal(2, StateEntries(op.KeyedState));

        harness.ProcessWatermark(9);

        Assert.Equal(0, StateEntries(op.KeyedState));
        Assert.Empty(op.Timers.EventTimers);
    }
}

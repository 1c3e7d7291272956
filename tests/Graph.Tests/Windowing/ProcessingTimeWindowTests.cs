using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class ProcessingTimeWindowTests
{
    [Fact]
    public void Sliding_processing_time_windows_should_fire_in_time_order_when_the_clock_jumps()
    {
        var clock = new ManualProcessingTimeService(start: 1003);
        var harness = HarnessOf(Keyed().Window(SlidingProcessingTimeWindows.Of(Ms(10), Ms(5))).Reduce(Sum), clock);
        harness.ProcessElement(("a", 1));
        clock.AdvanceTo(1007);
        harness.ProcessElement(("a", 2));

        clock.AdvanceTo(2000);

        Assert.Equal([At(("a", 1L), 1004), At(("a", 3L), 1009), At(("a", 2L), 1014)], harness.Records);
    }

    [Fact]
    public void Processing_time_sessions_should_merge_and_fire_at_the_merged_end()
    {
        var clock = new ManualProcessingTimeService(start: 1000);
        var harness = HarnessOf(Keyed().Window(ProcessingTimeSessionWindows.WithGap(Ms(10))).Process(new DescribeWindow()), clock);
        harness.ProcessElement(("a", 1));
        clock.AdvanceTo(1005);
        harness.ProcessElement(("a", 2));

        clock.AdvanceTo(1009);
        Assert.Empty(harness.Values);
        clock.AdvanceTo(1014);

        Assert.Equal([At("a:1000-1015:1,2", 1014)], harness.Records);
    }

    [Fact]
    public void Dynamic_processing_time_sessions_should_take_their_gap_from_the_element()
    {
        var clock = new ManualProcessingTimeService(start: 1000);
        var harness = HarnessOf(Keyed()
            .Window(ProcessingTimeSessionWindows.WithDynamicGap<(string Key, long Value)>(e => Ms(e.Value)))
            .Process(new DescribeWindow()), clock);
        harness.ProcessElement(("a", 5));
        harness.ProcessElement(("b", 50));

        clock.AdvanceTo(1004);

        Assert.Equal(["a:1000-1005:5"], harness.Values);
    }

    [Fact]
    public void Processing_time_windows_should_ignore_the_watermark()
    {
        var clock = new ManualProcessingTimeService(start: 0);
        var harness = HarnessOf(Keyed().Window(TumblingProcessingTimeWindows.Of(Ms(10))).Reduce(Sum), clock);
        harness.ProcessElement(("a", 1), 500);

        harness.ProcessWatermark(long.MaxValue);

        Assert.Empty(harness.Values);
        Assert.Equal([long.MaxValue], harness.Output.Watermarks);
    }
}

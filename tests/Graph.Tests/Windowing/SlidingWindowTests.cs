using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class SlidingWindowTests
{
    [Fact]
    public void An_element_should_count_in_every_overlapping_window_and_each_window_fire_at_its_end()
    {
        var harness = HarnessOf(Keyed().Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).Reduce(Sum));
        harness.Feed(("a", 1, 3), ("a", 2, 7), ("a", 4, 12));

        harness.ProcessWatermark(100);

        // Windows [-5,5): 1, [0,10): 1+2, [5,15): 2+4, [10,20): 4.
        Assert.Equal([At(("a", 1L), 4), At(("a", 3L), 9), At(("a", 6L), 14), At(("a", 4L), 19)], harness.Records);
    }

    [Fact]
    public void Sliding_windows_should_fire_one_by_one_as_the_watermark_advances()
    {
        var harness = HarnessOf(Keyed().Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).Process(new DescribeWindow()));
        harness.Feed(("a", 1, 3), ("a", 2, 7), ("a", 4, 12));

        harness.ProcessWatermark(9);
        Assert.Equal(["a:-5-5:1", "a:0-10:1,2"], harness.Values);
        harness.ProcessWatermark(14);
        Assert.Equal(["a:-5-5:1", "a:0-10:1,2", "a:5-15:2,4"], harness.Values);
    }
}

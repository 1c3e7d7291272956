using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>Sum, Min, Max, MinBy and MaxBy on windowed streams, as on keyed streams: one result per key and window.</summary>
public sealed class WindowAggregationTests
{
    private static WindowedStream<(string Key, long Value), string, TimeWindow> Tumbling() =>
        Keyed().Window(TumblingEventTimeWindows.Of(Ms(10)));

    private static readonly (string, long, long)[] Elements = [("a", 4, 1), ("a", -2, 2), ("a", 7, 3), ("b", 5, 4), ("a", 9, 12), ("a", 7, 15)];

    [Fact]
    public void Sum_min_and_max_should_give_each_key_and_window_its_figure_with_the_key()
    {
        string[] Run(DataStream<(string Key, long Value)> stream)
        {
            var harness = HarnessOf(stream);
            harness.Feed(Elements);
            harness.ProcessWatermark(100);
            return harness.Records.Select(r => $"{r.Value.Key}@{r.Timestamp}={r.Value.Value}").Order().ToArray();
        }

        Assert.Equal(["a@19=16", "a@9=9", "b@9=5"], Run(Tumbling().Sum(e => e.Value)));
        Assert.Equal(["a@19=7", "a@9=-2", "b@9=5"], Run(Tumbling().Min(e => e.Value)));
        Assert.Equal(["a@19=9", "a@9=7", "b@9=5"], Run(Tumbling().Max(e => e.Value)));
    }

    [Fact]
    public void MinBy_and_MaxBy_should_keep_the_whole_element_and_the_first_one_on_ties()
    {
        (string, long)[] Run(DataStream<(string Key, long Value)> stream)
        {
            var harness = HarnessOf(stream);
            harness.Feed(("a", 13, 1), ("a", 21, 2), ("a", 31, 3), ("a", 48, 4), ("a", 58, 5));
            harness.ProcessWatermark(100);
            return harness.Values.ToArray();
        }

        // Compared by the last digit: 3, 1, 1, 8, 8; the tens tell the tied elements apart.
        Assert.Equal([("a", 21L)], Run(Tumbling().MinBy(e => e.Value % 10)));
        Assert.Equal([("a", 48L)], Run(Tumbling().MaxBy(e => e.Value % 10)));
    }

    [Fact]
    public void A_window_sum_should_merge_the_accumulators_of_session_windows()
    {
        var sums = Keyed().Window(EventTimeSessionWindows.WithGap(Ms(5))).Sum(e => e.Value);
        var harness = HarnessOf(sums);
        harness.Feed(("a", 1, 1), ("a", 2, 8));

        harness.Feed(("a", 4, 4)); // bridges the two sessions into one
        harness.ProcessWatermark(100);

        Assert.Equal([("a", 7L)], harness.Values);
    }
}

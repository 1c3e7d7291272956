using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

public sealed class EvictorTests
{
    private static WindowedStream<(string Key, long Value), string, GlobalWindow> CountWindows(long every) =>
        Keyed().Window(GlobalWindows.Create()).Trigger(CountTrigger.Of(every));

    [Fact]
    public void A_count_evictor_before_should_keep_the_last_n_elements_like_a_sliding_count_window()
    {
        var harness = HarnessOf(CountWindows(2).Evictor(CountEvictor.Of(3)).Process(new JoinValues<GlobalWindow>()));

        harness.ProcessElements(("a", 1), ("a", 2), ("a", 3), ("a", 4), ("a", 5), ("a", 6));

        Assert.Equal(["1,2", "2,3,4", "4,5,6"], harness.Values);
    }

    [Fact]
    public void A_count_evictor_after_should_let_the_function_see_everything_and_keep_the_last_n()
    {
        var harness = HarnessOf(CountWindows(2).Evictor(CountEvictor.Of(2, doEvictAfter: true)).Process(new JoinValues<GlobalWindow>()));

        harness.ProcessElements(("a", 1), ("a", 2), ("a", 3), ("a", 4), ("a", 5), ("a", 6));

        Assert.Equal(["1,2", "1,2,3,4", "3,4,5,6"], harness.Values);
    }

    [Fact]
    public void A_time_evictor_before_should_keep_elements_within_the_span_of_the_newest()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(100))).Evictor(TimeEvictor.Of(Ms(10)))
            .Process(new JoinValues<TimeWindow>()));
        harness.Feed(("a", 1, 5), ("a", 2, 50), ("a", 3, 52), ("a", 4, 60));

        harness.ProcessWatermark(99);

        Assert.Equal([At("3,4", 99)], harness.Records); // cutoff 60 - 10: elements at or before 50 go
    }

    [Fact]
    public void A_time_evictor_after_should_leave_the_evicted_pane_for_late_firings()
    {
        var harness = HarnessOf(Keyed().Window(TumblingEventTimeWindows.Of(Ms(100))).AllowedLateness(Ms(100))
            .Evictor(TimeEvictor.Of(Ms(10), doEvictAfter: true)).Process(new JoinValues<TimeWindow>()));
        harness.Feed(("a", 1, 5), ("a", 2, 50), ("a", 3, 52), ("a", 4, 60));
        harness.ProcessWatermark(99);

        harness.Feed(("a", 5, 55)); // late but allowed: fires again over what the evictor left

        Assert.Equal(["1,2,3,4", "3,4,5"], harness.Values);
    }

    [Fact]
    public void A_delta_evictor_should_evict_every_element_too_far_from_the_last()
    {
        var harness = HarnessOf(CountWindows(4)
            .Evictor(DeltaEvictor.Of<(string Key, long Value)>(5, (x, last) => Math.Abs(x.Value - last.Value)))
            .Process(new JoinValues<GlobalWindow>()));

        harness.ProcessElements(("a", 10), ("a", 1), ("a", 12), ("a", 14));

        Assert.Equal(["10,12,14"], harness.Values);
    }

    [Fact]
    public void A_delta_evictor_after_should_evict_once_the_function_ran()
    {
        var harness = HarnessOf(CountWindows(4)
            .Evictor(DeltaEvictor.Of<(string Key, long Value)>(5, (x, last) => Math.Abs(x.Value - last.Value), doEvictAfter: true))
            .Process(new JoinValues<GlobalWindow>()));

        harness.ProcessElements(("a", 10), ("a", 1), ("a", 12), ("a", 14), ("a", 13), ("a", 2), ("a", 15), ("a", 16));

        Assert.Equal(["10,1,12,14", "10,12,14,13,2,15,16"], harness.Values);
    }

    [Fact]
    public void Reduce_with_an_evictor_should_reduce_what_the_evictor_kept()
    {
        var harness = HarnessOf(CountWindows(2).Evictor(CountEvictor.Of(2)).Reduce(Sum));

        harness.ProcessElements(("a", 1), ("a", 2), ("a", 3), ("a", 4), ("a", 5));

        Assert.Equal([("a", 3L), ("a", 7L)], harness.Values);
    }

    [Fact]
    public void Aggregate_with_an_evictor_should_aggregate_what_the_evictor_kept()
    {
        var harness = HarnessOf(CountWindows(3).Evictor(CountEvictor.Of(2)).Aggregate(new Average()));

        harness.ProcessElements(("a", 1), ("a", 2), ("a", 6), ("a", 10), ("a", 20), ("a", 30));

        Assert.Equal([4.0, 25.0], harness.Values);
    }

    [Fact]
    public void A_delta_evictor_for_another_element_type_should_be_refused_where_it_is_attached()
    {
        var error = Assert.Throws<ArgumentException>(() => CountWindows(2).Evictor(DeltaEvictor.Of<long>(1, (a, b) => a - b)));

        Assert.Contains("DeltaEvictor over Int64", error.Message);
    }
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>In STREAMING mode every keyed aggregation emits the updated result of the element's key, with its timestamp.</summary>
public sealed class KeyedAggregationStreamingTests
{
    private static readonly Trade[] Trades =
    [
        new("ACME", 5, "t1"), new("INIT", 10, "t2"), new("ACME", 3, "t3"), new("ACME", 3, "t4"), new("INIT", 12, "t5"), new("ACME", 9, "t6"),
    ];

    [Fact]
    public void Reduce_should_emit_every_running_value_of_the_element_key_with_its_timestamp()
    {
        var harness = AggregationHarness.Open(k => k.Reduce((acc, t) => acc with { Price = acc.Price + t.Price, Id = t.Id }));

        harness.Feed(Trades);

        Assert.Equal(
            [
                new StreamRecord<Trade>(new("ACME", 5, "t1"), 1), new StreamRecord<Trade>(new("INIT", 10, "t2"), 2),
                new StreamRecord<Trade>(new("ACME", 8, "t3"), 3), new StreamRecord<Trade>(new("ACME", 11, "t4"), 4),
                new StreamRecord<Trade>(new("INIT", 22, "t5"), 5), new StreamRecord<Trade>(new("ACME", 20, "t6"), 6),
            ],
            harness.Records);
    }

    [Fact]
    public void Sum_should_emit_the_key_and_its_running_sum()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price));

        harness.Feed(Trades);

        Assert.Equal([("ACME", 5), ("INIT", 10), ("ACME", 8), ("ACME", 11), ("INIT", 22), ("ACME", 20)], harness.Values);
        Assert.Equal([1L, 2, 3, 4, 5, 6], harness.Records.Select(r => r.Timestamp));
    }

    [Fact]
    public void Sum_should_add_in_the_selected_number_type()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price * 1_000_000_000L));

        harness.Feed(new Trade("ACME", 2, "a"), new Trade("ACME", 3, "b"));

        Assert.Equal([("ACME", 2_000_000_000L), ("ACME", 5_000_000_000L)], harness.Values);
    }

    [Fact]
    public void Min_should_emit_the_key_and_its_running_minimum()
    {
        var harness = AggregationHarness.Open(k => k.Min(t => t.Price));

        harness.Feed(Trades);

        Assert.Equal([("ACME", 5), ("INIT", 10), ("ACME", 3), ("ACME", 3), ("INIT", 10), ("ACME", 3)], harness.Values);
    }

    [Fact]
    public void Max_should_emit_the_key_and_its_running_maximum()
    {
        var harness = AggregationHarness.Open(k => k.Max(t => t.Price));

        harness.Feed(Trades);

        Assert.Equal([("ACME", 5), ("INIT", 10), ("ACME", 5), ("ACME", 5), ("INIT", 12), ("ACME", 9)], harness.Values);
    }

    [Fact]
    public void MinBy_should_emit_the_element_with_the_smallest_value_keeping_the_first_on_ties()
    {
        var harness = AggregationHarness.Open(k => k.MinBy(t => t.Price));

        harness.Feed(Trades);

        Assert.Equal(["t1", "t2", "t3", "t3", "t2", "t3"], harness.Values.Select(t => t.Id));
    }

    [Fact]
    public void MaxBy_should_emit_the_element_with_the_largest_value_keeping_the_first_on_ties()
    {
        var harness = AggregationHarness.Open(k => k.MaxBy(t => t.Price));

        harness.Feed(new Trade("ACME", 5, "t1"), new Trade("ACME", 7, "t2"), new Trade("ACME", 7, "t3"), new Trade("ACME", 6, "t4"));

        Assert.Equal(["t1", "t2", "t2", "t2"], harness.Values.Select(t => t.Id));
    }

    [Fact]
    public void Aggregation_should_forward_watermarks_and_emit_nothing_more_at_end_of_input()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price));

        harness.ProcessElement(new Trade("ACME", 1, "t1"), 10);
        harness.ProcessWatermark(10);
        harness.EndInput();
        harness.Close();

        Assert.Equal([new RecordEmitted(("ACME", 1), 10), new WatermarkEmitted(10)], harness.Output.Events);
    }
}

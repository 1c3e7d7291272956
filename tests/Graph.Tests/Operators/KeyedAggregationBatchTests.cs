using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Operators;

/// <summary>In BATCH mode a keyed aggregation emits nothing until the end of input, then each key's final result once.</summary>
public sealed class KeyedAggregationBatchTests
{
    private const RuntimeExecutionMode Batch = RuntimeExecutionMode.Batch;

    private static readonly Trade[] Trades =
    [
        new("ACME", 5, "t1"), new("INIT", 10, "t2"), new("ACME", 3, "t3"), new("ACME", 3, "t4"), new("INIT", 12, "t5"), new("ZETA", 1, "t6"),
    ];

    [Fact]
    public void Sum_should_emit_nothing_before_the_end_of_input()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price), Batch);

        harness.Feed(Trades);

        Assert.Empty(harness.Output.Events);
    }

    [Fact]
    public void Sum_should_emit_each_key_final_sum_once_at_end_of_input_without_timestamp()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price), Batch);
        harness.Feed(Trades);

        harness.EndInput();
        harness.Close();

        Assert.Equal([("ACME", 11), ("INIT", 22), ("ZETA", 1)], harness.Values.Order());
        Assert.All(harness.Records, r => Assert.Equal(StreamRecord<(string, int)>.NoTimestamp, r.Timestamp));
    }

    [Fact]
    public void Reduce_should_emit_each_key_final_value_at_end_of_input()
    {
        var harness = AggregationHarness.Open(k => k.Reduce((acc, t) => acc with { Price = acc.Price * t.Price }), Batch);
        harness.Feed(Trades);

        harness.EndInput();

        Assert.Equal([new Trade("ACME", 45, "t1"), new Trade("INIT", 120, "t2"), new Trade("ZETA", 1, "t6")], harness.Values.OrderBy(t => t.Symbol));
    }

    [Fact]
    public void Min_and_max_should_emit_each_key_final_extreme()
    {
        var min = AggregationHarness.Open(k => k.Min(t => t.Price), Batch);
        var max = AggregationHarness.Open(k => k.Max(t => t.Price), Batch);
        min.Feed(Trades);
        max.Feed(Trades);

        min.EndInput();
        max.EndInput();

        Assert.Equal([("ACME", 3), ("INIT", 10), ("ZETA", 1)], min.Values.Order());
        Assert.Equal([("ACME", 5), ("INIT", 12), ("ZETA", 1)], max.Values.Order());
    }

    [Fact]
    public void MinBy_and_maxBy_should_emit_each_key_final_element_keeping_the_first_on_ties()
    {
        var minBy = AggregationHarness.Open(k => k.MinBy(t => t.Price), Batch);
        var maxBy = AggregationHarness.Open(k => k.MaxBy(t => t.Price), Batch);
        minBy.Feed(Trades);
        maxBy.Feed([.. Trades, new Trade("INIT", 12, "t7")]);

        minBy.EndInput();
        maxBy.EndInput();

        Assert.Equal(["t3", "t2", "t6"], minBy.Values.OrderBy(t => t.Symbol).Select(t => t.Id));
        Assert.Equal(["t1", "t5", "t6"], maxBy.Values.OrderBy(t => t.Symbol).Select(t => t.Id));
    }

    [Fact]
    public void Batch_aggregation_on_an_empty_input_should_emit_nothing()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price), Batch);

        harness.EndInput();
        harness.Close();

        Assert.Empty(harness.Output.Events);
    }

    [Fact]
    public void Batch_aggregation_should_still_forward_watermarks()
    {
        var harness = AggregationHarness.Open(k => k.Sum(t => t.Price), Batch);
        harness.ProcessElement(new Trade("ACME", 2, "t1"), 5);

        harness.ProcessWatermark(Watermarks.Max);
        harness.EndInput();

        Assert.Equal([new WatermarkEmitted(long.MaxValue), new RecordEmitted(("ACME", 2), StreamRecord<int>.NoTimestamp)], harness.Output.Events);
    }
}

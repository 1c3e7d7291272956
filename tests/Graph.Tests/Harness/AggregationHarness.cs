using ActorStream.Graph.Operators;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>A trade for keyed aggregation tests: keyed by <see cref="Symbol"/>, told apart by <see cref="Id"/>.</summary>
public sealed record Trade(string Symbol, int Price, string Id);

/// <summary>Builds the operator a KeyedStream aggregation produces and wraps it in an open harness.</summary>
public static class AggregationHarness
{
    /// <summary>The operator of <paramref name="aggregate"/> applied to a stream of trades keyed by symbol, opened in <paramref name="mode"/>.</summary>
    public static OperatorHarness<Trade, TOut> Open<TOut>(
        Func<KeyedStream<Trade, string>, DataStream<TOut>> aggregate, RuntimeExecutionMode mode = RuntimeExecutionMode.Streaming)
    {
        var env = StreamExecutionEnvironment.Create();
        var keyed = env.FromCollection<Trade>([]).KeyBy(t => t.Symbol);
        return OperatorHarness.ForStream<Trade, TOut>(aggregate(keyed), OperatorContext.ForTest(mode: mode)).Open();
    }

    /// <summary>Feeds <paramref name="trades"/> with timestamps 1, 2, 3, ...</summary>
    public static void Feed<TOut>(this OperatorHarness<Trade, TOut> harness, params Trade[] trades)
    {
        for (var i = 0; i < trades.Length; i++)
            harness.ProcessElement(trades[i], i + 1);
    }
}

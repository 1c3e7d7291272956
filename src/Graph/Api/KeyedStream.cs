using System.Numerics;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;

namespace ActorStream.Graph;

/// <summary>A stream partitioned by key: keyed state and keyed aggregations apply per key.</summary>
public sealed class KeyedStream<T, TKey> : DataStream<T> where TKey : notnull
{
    internal KeyedStream(StreamExecutionEnvironment environment, PartitionTransformation transformation, Func<T, TKey> keySelector)
        : base(environment, transformation) => KeySelector = keySelector;

    /// <summary>The function that extracts the key.</summary>
    public Func<T, TKey> KeySelector { get; }

    /// <summary>Folds each key's elements with <paramref name="reduce"/>: streaming emits every update, batch the final value.</summary>
    public DataStream<T> Reduce(Func<T, T, T> reduce) => Reduce(new LambdaFunctions.ReduceFn<T>(reduce));

    /// <summary>Folds each key's elements with a (stateless) reduce function.</summary>
    public DataStream<T> Reduce(IReduceFunction<T> function) =>
        OneInput<T>("Keyed Reduce", () =>
        {
            var copy = FunctionCopies.PerSubtask(function);
            var aggregation = new KeyedAggregation<T, TKey, T, T>(v => v, copy.Reduce, (_, acc) => acc) { UserFunction = copy };
            return new KeyedAggregationOperator<T, TKey, T, T>(aggregation, KeySelector);
        }, isKeyed: true);

    /// <summary>The running sum of <paramref name="selector"/> per key, as (key, sum).</summary>
    public DataStream<(TKey Key, TNumber Value)> Sum<TNumber>(Func<T, TNumber> selector) where TNumber : INumber<TNumber> =>
        Aggregation("Keyed Sum", new KeyedAggregation<T, TKey, TNumber, (TKey, TNumber)>(
            selector, (acc, v) => acc + selector(v), (key, acc) => (key, acc)));

    /// <summary>The running minimum of <paramref name="selector"/> per key, as (key, min).</summary>
    public DataStream<(TKey Key, TValue Value)> Min<TValue>(Func<T, TValue> selector) =>
        Aggregation("Keyed Min", new KeyedAggregation<T, TKey, TValue, (TKey, TValue)>(
            selector, (acc, v) => Pick(acc, selector(v), keepSmaller: true), (key, acc) => (key, acc)));

    /// <summary>The running maximum of <paramref name="selector"/> per key, as (key, max).</summary>
    public DataStream<(TKey Key, TValue Value)> Max<TValue>(Func<T, TValue> selector) =>
        Aggregation("Keyed Max", new KeyedAggregation<T, TKey, TValue, (TKey, TValue)>(
            selector, (acc, v) => Pick(acc, selector(v), keepSmaller: false), (key, acc) => (key, acc)));

    /// <summary>Per key, the element with the smallest <paramref name="selector"/> so far (the first one on ties).</summary>
    public DataStream<T> MinBy<TValue>(Func<T, TValue> selector) =>
        Aggregation("Keyed MinBy", new KeyedAggregation<T, TKey, T, T>(
            v => v, (acc, v) => Comparer<TValue>.Default.Compare(selector(v), selector(acc)) < 0 ? v : acc, (_, acc) => acc));

    /// <summary>Per key, the element with the largest <paramref name="selector"/> so far (the first one on ties).</summary>
    public DataStream<T> MaxBy<TValue>(Func<T, TValue> selector) =>
        Aggregation("Keyed MaxBy", new KeyedAggregation<T, TKey, T, T>(
            v => v, (acc, v) => Comparer<TValue>.Default.Compare(selector(v), selector(acc)) > 0 ? v : acc, (_, acc) => acc));

    /// <summary>Joins this stream with <paramref name="other"/> on time intervals per key; continue with Between(lower, upper).</summary>
    public IntervalJoin<T, TOther, TKey> IntervalJoin<TOther>(KeyedStream<TOther, TKey> other) => new(this, other);

    /// <summary>Cuts the stream into windows per key with an assigner that reads elements (e.g. dynamic session gaps).</summary>
    public WindowedStream<T, TKey, W> Window<W>(Windowing.WindowAssigner<T, W> assigner) where W : Windowing.Window =>
        new(this, assigner);

    /// <summary>Cuts the stream into windows per key (tumbling, sliding, session or global windows).</summary>
    public WindowedStream<T, TKey, W> Window<W>(Windowing.WindowAssigner<W> assigner) where W : Windowing.Window =>
        new(this, (assigner ?? throw new ArgumentNullException(nameof(assigner))).For<T>());

    /// <summary>Connects this keyed stream with a broadcast stream (the broadcast state pattern).</summary>
    public BroadcastConnectedStream<T, TBroadcast, TKey> Connect<TBroadcast>(BroadcastStream<TBroadcast> broadcast) => new(this, broadcast);

    /// <summary>Runs a keyed process function with keyed state.</summary>
    public DataStream<TOut> Process<TOut>(KeyedProcessFunction<TKey, T, TOut> function) =>
        OneInput<TOut>("KeyedProcess", () => new KeyedProcessOperator<TKey, T, TOut>(function, KeySelector), isKeyed: true);

    /// <inheritdoc />
    private protected override bool IsKeyed => true;

    /// <inheritdoc />
    private protected override Func<IStreamOperator> WithKeyContext<TOut>(Func<OneInputStreamOperator<T, TOut>> createOperator) =>
        () => new KeyedContextOperator<T, TKey, TOut>(createOperator(), KeySelector);

    private DataStream<TOut> Aggregation<TAcc, TOut>(string name, KeyedAggregation<T, TKey, TAcc, TOut> aggregation) =>
        OneInput<TOut>(name, () => new KeyedAggregationOperator<T, TKey, TAcc, TOut>(aggregation, KeySelector), isKeyed: true);

    private static TValue Pick<TValue>(TValue current, TValue candidate, bool keepSmaller)
    {
        var order = Comparer<TValue>.Default.Compare(candidate, current);
        return (keepSmaller ? order < 0 : order > 0) ? candidate : current;
    }
}

using System.Numerics;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>
/// The built-in window aggregations, as keyed streams have them: one result per key and window, built incrementally
/// (the window keeps one accumulator, not its elements). Instance methods, so they are never shadowed by extension
/// methods of other libraries in scope.
/// </summary>
public sealed partial class WindowedStream<T, TKey, W>
{
    /// <summary>The sum of <paramref name="selector"/> per key and window, as (key, sum).</summary>
    public DataStream<(TKey Key, TNumber Value)> Sum<TNumber>(Func<T, TNumber> selector) where TNumber : INumber<TNumber> =>
        Aggregate(new SelectingAggregate<TNumber>(selector, static (sum, value) => sum + value), new WithKey<TNumber>()).Name("Window Sum");

    /// <summary>The minimum of <paramref name="selector"/> per key and window, as (key, min).</summary>
    public DataStream<(TKey Key, TValue Value)> Min<TValue>(Func<T, TValue> selector) =>
        Aggregate(new SelectingAggregate<TValue>(selector, static (min, value) => Comparer<TValue>.Default.Compare(value, min) < 0 ? value : min),
            new WithKey<TValue>()).Name("Window Min");

    /// <summary>The maximum of <paramref name="selector"/> per key and window, as (key, max).</summary>
    public DataStream<(TKey Key, TValue Value)> Max<TValue>(Func<T, TValue> selector) =>
        Aggregate(new SelectingAggregate<TValue>(selector, static (max, value) => Comparer<TValue>.Default.Compare(value, max) > 0 ? value : max),
            new WithKey<TValue>()).Name("Window Max");

    /// <summary>Per key and window, the element with the smallest <paramref name="selector"/> (the first one on ties).</summary>
    public DataStream<T> MinBy<TValue>(Func<T, TValue> selector) =>
        Reduce((kept, next) => Comparer<TValue>.Default.Compare(selector(next), selector(kept)) < 0 ? next : kept).Name("Window MinBy");

    /// <summary>Per key and window, the element with the largest <paramref name="selector"/> (the first one on ties).</summary>
    public DataStream<T> MaxBy<TValue>(Func<T, TValue> selector) =>
        Reduce((kept, next) => Comparer<TValue>.Default.Compare(selector(next), selector(kept)) > 0 ? next : kept).Name("Window MaxBy");

    /// <summary>Folds the selected values of a window; the accumulator knows whether it saw any.</summary>
    private sealed class SelectingAggregate<TValue>(Func<T, TValue> selector, Func<TValue, TValue, TValue> combine)
        : IAggregateFunction<T, (bool Any, TValue Value), TValue>
    {
        public (bool Any, TValue Value) CreateAccumulator() => (false, default!);

        public (bool Any, TValue Value) Add(T value, (bool Any, TValue Value) accumulator) =>
            (true, accumulator.Any ? combine(accumulator.Value, selector(value)) : selector(value));

        public TValue GetResult((bool Any, TValue Value) accumulator) => accumulator.Value;

        public (bool Any, TValue Value) Merge((bool Any, TValue Value) a, (bool Any, TValue Value) b) =>
            !a.Any ? b : !b.Any ? a : (true, combine(a.Value, b.Value));
    }

    /// <summary>Pairs the window's one result with its key.</summary>
    private sealed class WithKey<TValue> : ProcessWindowFunction<TValue, (TKey Key, TValue Value), TKey, W>
    {
        public override void Process(TKey key, Context context, IEnumerable<TValue> elements, ICollector<(TKey Key, TValue Value)> output)
        {
            foreach (var value in elements)
                output.Collect((key, value));
        }
    }
}

namespace ActorStream.Graph;

/// <summary>Transforms one element into one element.</summary>
public interface IMapFunction<in TIn, out TOut>
{
    /// <summary>Maps <paramref name="value"/>.</summary>
    TOut Map(TIn value);
}

/// <summary>Transforms one element into zero or more elements.</summary>
public interface IFlatMapFunction<in TIn, out TOut>
{
    /// <summary>Emits the results for <paramref name="value"/> into <paramref name="output"/>.</summary>
    void FlatMap(TIn value, ICollector<TOut> output);
}

/// <summary>Keeps the elements for which <see cref="Filter"/> returns true.</summary>
public interface IFilterFunction<in T>
{
    /// <summary>True to keep <paramref name="value"/>.</summary>
    bool Filter(T value);
}

/// <summary>Combines two values of the same type into one.</summary>
public interface IReduceFunction<T>
{
    /// <summary>Combines <paramref name="accumulated"/> with <paramref name="value"/>.</summary>
    T Reduce(T accumulated, T value);
}

/// <summary>Incrementally aggregates inputs into an accumulator and produces a result.</summary>
public interface IAggregateFunction<in TIn, TAcc, out TOut>
{
    /// <summary>A new, empty accumulator.</summary>
    TAcc CreateAccumulator();

    /// <summary>Adds <paramref name="value"/> to <paramref name="accumulator"/> and returns it.</summary>
    TAcc Add(TIn value, TAcc accumulator);

    /// <summary>The result for <paramref name="accumulator"/>.</summary>
    TOut GetResult(TAcc accumulator);

    /// <summary>Merges two accumulators (used by merging windows).</summary>
    TAcc Merge(TAcc a, TAcc b);
}

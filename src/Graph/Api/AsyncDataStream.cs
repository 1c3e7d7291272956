using ActorStream.Graph.Operators.Async;

namespace ActorStream.Graph;

/// <summary>
/// Enriches a stream with asynchronous calls to external systems (Flink's AsyncDataStream): up to a capacity of
/// elements per subtask wait for their results at once, each within a timeout, optionally retried. In-flight
/// elements are part of checkpoints and issued again after a restore.
/// </summary>
public static class AsyncDataStream
{
    /// <summary>The capacity when none is given: elements in flight at once per subtask.</summary>
    public const int DefaultCapacity = 100;

    /// <summary>Calls <paramref name="function"/> for each element and emits its results in input order.</summary>
    public static DataStream<TOut> OrderedWait<TIn, TOut>(DataStream<TIn> stream, IAsyncFunction<TIn, TOut> function, TimeSpan timeout,
        int capacity = DefaultCapacity) =>
        Add(stream, function, new(AsyncOutputMode.Ordered, timeout, capacity, AsyncRetryStrategy<TOut>.NoRetry));

    /// <summary>Calls <paramref name="function"/> for each element and emits its result in input order.</summary>
    public static DataStream<TOut> OrderedWait<TIn, TOut>(DataStream<TIn> stream, Func<TIn, CancellationToken, Task<TOut>> function,
        TimeSpan timeout, int capacity = DefaultCapacity) =>
        OrderedWait(stream, new LambdaAsyncFunction<TIn, TOut>(function), timeout, capacity);

    /// <summary>Calls <paramref name="function"/> for each element and emits results as they complete (never across a watermark).</summary>
    public static DataStream<TOut> UnorderedWait<TIn, TOut>(DataStream<TIn> stream, IAsyncFunction<TIn, TOut> function, TimeSpan timeout,
        int capacity = DefaultCapacity) =>
        Add(stream, function, new(AsyncOutputMode.Unordered, timeout, capacity, AsyncRetryStrategy<TOut>.NoRetry));

    /// <summary>Calls <paramref name="function"/> for each element and emits results as they complete (never across a watermark).</summary>
    public static DataStream<TOut> UnorderedWait<TIn, TOut>(DataStream<TIn> stream, Func<TIn, CancellationToken, Task<TOut>> function,
        TimeSpan timeout, int capacity = DefaultCapacity) =>
        UnorderedWait(stream, new LambdaAsyncFunction<TIn, TOut>(function), timeout, capacity);

    /// <summary>As <see cref="OrderedWait{TIn, TOut}(DataStream{TIn}, IAsyncFunction{TIn, TOut}, TimeSpan, int)"/>, retrying per <paramref name="retry"/>.</summary>
    public static DataStream<TOut> OrderedWaitWithRetry<TIn, TOut>(DataStream<TIn> stream, IAsyncFunction<TIn, TOut> function, TimeSpan timeout,
        int capacity, AsyncRetryStrategy<TOut> retry) =>
        Add(stream, function, new(AsyncOutputMode.Ordered, timeout, capacity, retry));

    /// <summary>As <see cref="OrderedWait{TIn, TOut}(DataStream{TIn}, Func{TIn, CancellationToken, Task{TOut}}, TimeSpan, int)"/>, retrying per <paramref name="retry"/>.</summary>
    public static DataStream<TOut> OrderedWaitWithRetry<TIn, TOut>(DataStream<TIn> stream, Func<TIn, CancellationToken, Task<TOut>> function,
        TimeSpan timeout, int capacity, AsyncRetryStrategy<TOut> retry) =>
        OrderedWaitWithRetry(stream, new LambdaAsyncFunction<TIn, TOut>(function), timeout, capacity, retry);

    /// <summary>As <see cref="UnorderedWait{TIn, TOut}(DataStream{TIn}, IAsyncFunction{TIn, TOut}, TimeSpan, int)"/>, retrying per <paramref name="retry"/>.</summary>
    public static DataStream<TOut> UnorderedWaitWithRetry<TIn, TOut>(DataStream<TIn> stream, IAsyncFunction<TIn, TOut> function,
        TimeSpan timeout, int capacity, AsyncRetryStrategy<TOut> retry) =>
        Add(stream, function, new(AsyncOutputMode.Unordered, timeout, capacity, retry));

    /// <summary>As <see cref="UnorderedWait{TIn, TOut}(DataStream{TIn}, Func{TIn, CancellationToken, Task{TOut}}, TimeSpan, int)"/>, retrying per <paramref name="retry"/>.</summary>
    public static DataStream<TOut> UnorderedWaitWithRetry<TIn, TOut>(DataStream<TIn> stream, Func<TIn, CancellationToken, Task<TOut>> function,
        TimeSpan timeout, int capacity, AsyncRetryStrategy<TOut> retry) =>
        UnorderedWaitWithRetry(stream, new LambdaAsyncFunction<TIn, TOut>(function), timeout, capacity, retry);

    private static DataStream<TOut> Add<TIn, TOut>(DataStream<TIn> stream, IAsyncFunction<TIn, TOut> function, AsyncWaitSettings<TOut> settings)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(function);
        settings.Validated();
        // Not keyed: completions arrive out of key context, so the function gets no keyed state (as in Flink).
        return stream.OneInput<TOut>(settings.Mode == AsyncOutputMode.Ordered ? "AsyncWait (ordered)" : "AsyncWait (unordered)",
            () => new AsyncWaitOperator<TIn, TOut>(function, settings), isKeyed: false);
    }
}

using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Reduces a buffered pane when it fires (Reduce with an evictor), then hands the result on.</summary>
internal sealed class IterableReduceWindowFunction<T, TOut, TKey, W>(Func<T, T, T> reduce, InternalWindowFunction<T, TOut, TKey, W> next)
    : InternalWindowFunction<IEnumerable<T>, TOut, TKey, W> where W : Window
{
    public override void Process(TKey key, W window, IInternalWindowContext context, IEnumerable<T> contents, ICollector<TOut> output)
    {
        var any = false;
        T accumulated = default!;
        foreach (var value in contents)
        {
            accumulated = any ? reduce(accumulated, value) : value;
            any = true;
        }
        // Flink passes null on when the evictor removed everything; there is nothing to reduce, so emit nothing.
        if (any)
            next.Process(key, window, context, accumulated, output);
    }

    public override void Clear(W window, IInternalWindowContext context) => next.Clear(window, context);

    public override void Open(IRuntimeContext runtimeContext) => next.Open(runtimeContext);

    public override void Close() => next.Close();
}

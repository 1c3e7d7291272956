using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Hands the values of an evicting pane (which keeps timestamps for the evictors) to a function over elements.</summary>
internal sealed class ProjectingWindowFunction<TIn, TOut, TKey, W>(InternalWindowFunction<IEnumerable<TIn>, TOut, TKey, W> next)
    : InternalWindowFunction<List<TimestampedValue<TIn>>, TOut, TKey, W> where W : Window
{
    public override void Process(
        TKey key, W window, IInternalWindowContext context, List<TimestampedValue<TIn>> contents, ICollector<TOut> output) =>
        next.Process(key, window, context, contents.Select(element => element.Value), output);

    public override void Clear(W window, IInternalWindowContext context) => next.Clear(window, context);

    public override void Open(IRuntimeContext runtimeContext) => next.Open(runtimeContext);

    public override void Close() => next.Close();
}

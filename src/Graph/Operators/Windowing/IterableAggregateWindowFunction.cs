using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Aggregates a buffered pane when it fires (Aggregate with an evictor), then hands the result on.</summary>
internal sealed class IterableAggregateWindowFunction<TIn, TAcc, TAgg, TOut, TKey, W>(
    IAggregateFunction<TIn, TAcc, TAgg> aggregate, InternalWindowFunction<TAgg, TOut, TKey, W> next)
    : InternalWindowFunction<IEnumerable<TIn>, TOut, TKey, W> where W : Window
{
    public override void Process(TKey key, W window, IInternalWindowContext context, IEnumerable<TIn> contents, ICollector<TOut> output)
    {
        var accumulator = aggregate.CreateAccumulator();
        foreach (var value in contents)
            accumulator = aggregate.Add(value, accumulator);
        next.Process(key, window, context, aggregate.GetResult(accumulator), output);
    }

    public override void Clear(W window, IInternalWindowContext context) => next.Clear(window, context);

    public override void Open(IRuntimeContext runtimeContext) => next.Open(runtimeContext);

    public override void Close() => next.Close();
}

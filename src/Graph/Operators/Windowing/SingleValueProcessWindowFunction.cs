using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Runs a process window function over a pane's one pre-aggregated value (incremental Reduce/Aggregate).</summary>
internal sealed class SingleValueProcessWindowFunction<TIn, TOut, TKey, W>(ProcessWindowFunction<TIn, TOut, TKey, W> function)
    : InternalWindowFunction<TIn, TOut, TKey, W> where W : Window
{
    private readonly ProcessWindowContextAdapter<TIn, TOut, TKey, W> _context = new();

    public override void Process(TKey key, W window, IInternalWindowContext context, TIn contents, ICollector<TOut> output) =>
        function.Process(key, _context.Set(window, context), [contents], output);

    public override void Clear(W window, IInternalWindowContext context) => function.Clear(_context.Set(window, context));

    public override void Open(IRuntimeContext runtimeContext) => FunctionCopies.Open(function, runtimeContext);

    public override void Close() => FunctionCopies.Close(function);
}

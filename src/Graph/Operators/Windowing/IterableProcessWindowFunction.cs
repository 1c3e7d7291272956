using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Runs a process window function over all elements of a pane.</summary>
internal sealed class IterableProcessWindowFunction<TIn, TOut, TKey, W>(ProcessWindowFunction<TIn, TOut, TKey, W> function)
    : InternalWindowFunction<IEnumerable<TIn>, TOut, TKey, W> where W : Window
{
    private readonly ProcessWindowContextAdapter<TIn, TOut, TKey, W> _context = new();

    public override void Process(TKey key, W window, IInternalWindowContext context, IEnumerable<TIn> contents, ICollector<TOut> output) =>
        function.Process(key, _context.Set(window, context), contents, output);

    public override void Clear(W window, IInternalWindowContext context) => function.Clear(_context.Set(window, context));

    public override void Open(IRuntimeContext runtimeContext) => FunctionCopies.Open(function, runtimeContext);

    public override void Close() => FunctionCopies.Close(function);
}

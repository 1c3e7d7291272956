using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Runs a <see cref="ProcessAllWindowFunction{TIn,TOut,W}"/> as the window function of the constant-keyed stream behind WindowAll.</summary>
internal sealed class ProcessAllWindowFunctionAdapter<TIn, TOut, W>(ProcessAllWindowFunction<TIn, TOut, W> function)
    : ProcessWindowFunction<TIn, TOut, byte, W> where W : Window
{
    private ProcessAllWindowFunction<TIn, TOut, W> _function = function;
    private ContextAdapter _context = new();

    public override void Open()
    {
        // This adapter was copied per subtask; the wrapped function and the reused context must be per subtask too.
        _function = FunctionCopies.PerSubtask(_function);
        _context = new ContextAdapter();
        FunctionCopies.Open(_function, RuntimeContext);
    }

    public override void Close() => FunctionCopies.Close(_function);

    public override void Process(byte key, Context context, IEnumerable<TIn> elements, ICollector<TOut> output) =>
        _function.Process(_context.Set(context), elements, output);

    public override void Clear(Context context) => _function.Clear(_context.Set(context));

    private sealed class ContextAdapter : ProcessAllWindowFunction<TIn, TOut, W>.Context
    {
        private Context _inner = default!;

        public ContextAdapter Set(Context inner)
        {
            _inner = inner;
            return this;
        }

        public override W Window => _inner.Window;

        public override IKeyedStateStore WindowState => _inner.WindowState;

        public override IKeyedStateStore GlobalState => _inner.GlobalState;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) => _inner.Output(tag, value);
    }
}

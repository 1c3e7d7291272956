using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>The user-facing context of a <see cref="ProcessWindowFunction{TIn,TOut,TKey,W}"/>, reused for every window.</summary>
internal sealed class ProcessWindowContextAdapter<TIn, TOut, TKey, W> : ProcessWindowFunction<TIn, TOut, TKey, W>.Context
    where W : Window
{
    private W _window = default!;
    private IInternalWindowContext _inner = default!;

    public ProcessWindowContextAdapter<TIn, TOut, TKey, W> Set(W window, IInternalWindowContext inner)
    {
        _window = window;
        _inner = inner;
        return this;
    }

    public override W Window => _window;

    public override long CurrentProcessingTime => _inner.CurrentProcessingTime;

    public override long CurrentWatermark => _inner.CurrentWatermark;

    public override IKeyedStateStore WindowState => _inner.WindowState;

    public override IKeyedStateStore GlobalState => _inner.GlobalState;

    public override void Output<TSide>(OutputTag<TSide> tag, TSide value) => _inner.Output(tag, value);
}

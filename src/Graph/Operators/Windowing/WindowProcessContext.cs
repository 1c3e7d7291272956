using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// What window functions and evictors see of the window being evaluated (Flink's WindowContext and
/// EvictorContext). Reused: the operator sets <see cref="Window"/> before each call.
/// </summary>
internal sealed class WindowProcessContext<TKey, TOut, W> : IInternalWindowContext, IEvictorContext where TKey : notnull where W : Window
{
    private readonly IOperatorClock _timers;
    private readonly IOutput<TOut> _output;

    public WindowProcessContext(IOperatorClock timers, IOutput<TOut> output, IKeyedStateStore backend, bool merging)
    {
        _timers = timers;
        _output = output;
        GlobalState = backend;
        // Per-window state cannot follow a merge of session windows, so Flink refuses it there.
        WindowState = merging ? MergingWindowStateStore.Instance : new WindowStateStore<W>(backend, "window-state/", () => Window);
    }

    public W Window { get; set; } = default!;

    public long CurrentProcessingTime => _timers.CurrentProcessingTime;

    public long CurrentWatermark => _timers.CurrentWatermark;

    public IKeyedStateStore WindowState { get; }

    public IKeyedStateStore GlobalState { get; }

    public void Output<TSide>(OutputTag<TSide> tag, TSide value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        _output.Collect(tag, new StreamRecord<TSide>(value, Window.MaxTimestamp));
    }
}

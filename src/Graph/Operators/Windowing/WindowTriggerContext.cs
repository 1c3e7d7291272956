using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Calls the trigger for one (key, window) at a time and gives it timers and state of that window (Flink's
/// WindowOperator.Context). Reused: the operator sets <see cref="Key"/> and <see cref="Window"/> before each call.
/// </summary>
internal sealed class WindowTriggerContext<TKey, TIn, W> : IOnMergeContext where TKey : notnull where W : Window
{
    private readonly Trigger<TIn, W> _trigger;
    private readonly InternalTimerService<TKey, W> _timers;
    private readonly WindowStateStore<W> _state;
    private IReadOnlyCollection<W>? _mergedWindows;
    // The timers the trigger registered (and did not delete) in the current OnElement call, one per time domain.
    private long? _elementEventTimer;
    private long? _elementProcessingTimer;

    public WindowTriggerContext(Trigger<TIn, W> trigger, InternalTimerService<TKey, W> timers, IKeyedStateStore backend)
    {
        _trigger = trigger;
        _timers = timers;
        _state = new WindowStateStore<W>(backend, "window-trigger/", () => Window);
    }

    public TKey Key { get; set; } = default!;

    public W Window { get; set; } = default!;

    public long CurrentProcessingTime => _timers.CurrentProcessingTime;

    public long CurrentWatermark => _timers.CurrentWatermark;

    public void RegisterProcessingTimeTimer(long time)
    {
        _timers.RegisterProcessingTimeTimer(Window, time);
        _elementProcessingTimer = time;
    }

    public void RegisterEventTimeTimer(long time)
    {
        _timers.RegisterEventTimeTimer(Window, time);
        _elementEventTimer = time;
    }

    public void DeleteProcessingTimeTimer(long time)
    {
        _timers.DeleteProcessingTimeTimer(Window, time);
        if (_elementProcessingTimer == time)
            _elementProcessingTimer = null;
    }

    public void DeleteEventTimeTimer(long time)
    {
        _timers.DeleteEventTimeTimer(Window, time);
        if (_elementEventTimer == time)
            _elementEventTimer = null;
    }

    /// <summary>True when the trigger's last <see cref="OnElement"/> call registered this timer of <see cref="Window"/> and kept it.</summary>
    public bool RegisteredOnElement(bool eventTime, long time) => (eventTime ? _elementEventTimer : _elementProcessingTimer) == time;

    public IValueState<T> GetPartitionedState<T>(ValueStateDescriptor<T> descriptor) => _state.GetState(descriptor);

    public IListState<T> GetPartitionedState<T>(ListStateDescriptor<T> descriptor) => _state.GetListState(descriptor);

    public IReducingState<T> GetPartitionedState<T>(ReducingStateDescriptor<T> descriptor) => _state.GetReducingState(descriptor);

    public IAggregatingState<TStateIn, TStateOut> GetPartitionedState<TStateIn, TAcc, TStateOut>(
        AggregatingStateDescriptor<TStateIn, TAcc, TStateOut> descriptor) => _state.GetAggregatingState(descriptor);

    public IMapState<TMapKey, TValue> GetPartitionedState<TMapKey, TValue>(MapStateDescriptor<TMapKey, TValue> descriptor)
        where TMapKey : notnull => _state.GetMapState(descriptor);

    public void MergePartitionedState<T>(ReducingStateDescriptor<T> descriptor)
    {
        if (_mergedWindows is { Count: > 0 })
            _state.Merge(descriptor, Window, _mergedWindows);
    }

    public void MergePartitionedState<T>(ListStateDescriptor<T> descriptor)
    {
        if (_mergedWindows is { Count: > 0 })
            _state.Merge(descriptor, Window, _mergedWindows);
    }

    public void MergePartitionedState<TStateIn, TAcc, TStateOut>(AggregatingStateDescriptor<TStateIn, TAcc, TStateOut> descriptor)
    {
        if (_mergedWindows is { Count: > 0 })
            _state.Merge(descriptor, Window, _mergedWindows);
    }

    public TriggerResult OnElement(in StreamRecord<TIn> record)
    {
        _elementEventTimer = null;
        _elementProcessingTimer = null;
        return _trigger.OnElement(record.Value, record.Timestamp, Window, this);
    }

    public TriggerResult OnEventTime(long time) => _trigger.OnEventTime(time, Window, this);

    public TriggerResult OnProcessingTime(long time) => _trigger.OnProcessingTime(time, Window, this);

    /// <summary>Tells the trigger that <paramref name="mergedWindows"/> merged into <see cref="Window"/>.</summary>
    public void OnMerge(IReadOnlyCollection<W> mergedWindows)
    {
        _mergedWindows = mergedWindows;
        try
        {
            _trigger.OnMerge(Window, this);
        }
        finally
        {
            _mergedWindows = null;
        }
    }

    /// <summary>Lets the trigger delete its timers and state of <see cref="Window"/>.</summary>
    public void Clear() => _trigger.Clear(Window, this);
}

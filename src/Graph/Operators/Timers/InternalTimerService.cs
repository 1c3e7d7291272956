using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Timers;

/// <summary>
/// The timers of one keyed operator subtask, for both time domains (Flink's InternalTimerService).
/// Event-time timers fire when the watermark passes them, before the watermark moves on;
/// processing-time timers fire through the subtask's <see cref="IProcessingTimeService"/>.
/// Each timer belongs to a key (and so to a key group), like keyed state.
/// </summary>
public sealed class InternalTimerService<TKey, TNamespace> where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly IProcessingTimeService _processingTime;
    private readonly ITriggerable<TKey, TNamespace> _target;
    private readonly TimerQueue<TKey, TNamespace> _eventTimers = new();
    private readonly TimerQueue<TKey, TNamespace> _processingTimers = new();
    private long _scheduledWakeUp = long.MaxValue;

    /// <summary>Creates the timer service of one operator subtask.</summary>
    public InternalTimerService(HeapKeyedStateBackend<TKey> backend, IProcessingTimeService processingTime,
        ITriggerable<TKey, TNamespace> target)
    {
        _backend = backend;
        _processingTime = processingTime;
        _target = target;
    }

    /// <summary>The last watermark this service advanced to.</summary>
    public long CurrentWatermark { get; private set; } = Watermarks.Min;

    /// <summary>The current processing time.</summary>
    public long CurrentProcessingTime => _processingTime.CurrentProcessingTime;

    /// <summary>Registered event-time timers (for snapshots and tests).</summary>
    public IEnumerable<InternalTimer<TKey, TNamespace>> EventTimers => _eventTimers.All;

    /// <summary>Registered processing-time timers (for snapshots and tests).</summary>
    public IEnumerable<InternalTimer<TKey, TNamespace>> ProcessingTimers => _processingTimers.All;

    /// <summary>Registers an event-time timer for the current key.</summary>
    public void RegisterEventTimeTimer(TNamespace ns, long time) =>
        _eventTimers.Add(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns));

    /// <summary>Deletes the current key's event-time timer.</summary>
    public void DeleteEventTimeTimer(TNamespace ns, long time) =>
        _eventTimers.Remove(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns));

    /// <summary>Registers a processing-time timer for the current key.</summary>
    public void RegisterProcessingTimeTimer(TNamespace ns, long time)
    {
        if (_processingTimers.Add(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns)))
            ScheduleWakeUp(time);
    }

    /// <summary>Deletes the current key's processing-time timer.</summary>
    public void DeleteProcessingTimeTimer(TNamespace ns, long time) =>
        _processingTimers.Remove(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns));

    /// <summary>Fires every event-time timer at or before <paramref name="watermark"/>, earliest first.</summary>
    public void AdvanceWatermark(long watermark)
    {
        CurrentWatermark = watermark;
        while (_eventTimers.TryPopDue(watermark, out var timer))
        {
            _backend.SetCurrentKey(timer.Key);
            _target.OnEventTime(timer);
        }
    }

    private void OnProcessingTime(long now)
    {
        _scheduledWakeUp = long.MaxValue;
        while (_processingTimers.TryPopDue(now, out var timer))
        {
            _backend.SetCurrentKey(timer.Key);
            _target.OnProcessingTime(timer);
        }
        if (_processingTimers.TryPeekNext(out var next))
            ScheduleWakeUp(next);
    }

    /// <summary>One wake-up at the earliest timer; a later timer needs none until that one fired.</summary>
    private void ScheduleWakeUp(long time)
    {
        if (time >= _scheduledWakeUp)
            return;
        _scheduledWakeUp = time;
        _processingTime.ScheduleAt(time, OnProcessingTime);
    }
}

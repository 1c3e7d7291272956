using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Timers;

/// <summary>
/// The timers of one keyed operator subtask, for both time domains (Flink's InternalTimerService).
/// Event-time timers fire when the watermark passes them, before the watermark moves on;
/// processing-time timers fire through the subtask's <see cref="IProcessingTimeService"/>.
/// Each timer belongs to a key (and so to a key group), like keyed state: the service registers with
/// the keyed backend under its name, so that its timers are checkpointed with their key groups.
/// </summary>
public sealed class InternalTimerService<TKey, TNamespace> : IKeyGroupTimers, IOperatorClock where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly IProcessingTimeService _processingTime;
    private readonly ITriggerable<TKey, TNamespace> _target;
    private readonly TimerQueue<TKey, TNamespace> _eventTimers;
    private readonly TimerQueue<TKey, TNamespace> _processingTimers;
    private readonly ITypeSerializer<TNamespace> _namespaceSerializer;
    private ScheduledCallback? _wakeUp;

    /// <summary>
    /// Creates the timer service of one operator subtask, named <paramref name="name"/> (stable: checkpoints
    /// refer to it), and takes over the timers restored for that name.
    /// </summary>
    public InternalTimerService(string name, HeapKeyedStateBackend<TKey> backend, IProcessingTimeService processingTime,
        ITriggerable<TKey, TNamespace> target, ITypeSerializer<TNamespace>? namespaceSerializer = null)
    {
        Name = name;
        _backend = backend;
        _processingTime = processingTime;
        _target = target;
        _eventTimers = new TimerQueue<TKey, TNamespace>(backend.Groups.Range.Count);
        _processingTimers = new TimerQueue<TKey, TNamespace>(backend.Groups.Range.Count);
        _namespaceSerializer = namespaceSerializer ?? TypeSerializers.Get<TNamespace>();
        // Last: registering loads restored timers, which needs the queues and may schedule a wake-up.
        backend.RegisterTimers(this);
    }

    /// <summary>The service's name within its operator.</summary>
    public string Name { get; }

    /// <summary>The last watermark this service advanced to.</summary>
    public long CurrentWatermark { get; private set; } = Watermarks.Min;

    /// <summary>The current processing time.</summary>
    public long CurrentProcessingTime => _processingTime.CurrentProcessingTime;

    /// <summary>Registered event-time timers (for snapshots and tests).</summary>
    public IEnumerable<InternalTimer<TKey, TNamespace>> EventTimers => _eventTimers.All;

    /// <summary>Registered processing-time timers (for snapshots and tests).</summary>
    public IEnumerable<InternalTimer<TKey, TNamespace>> ProcessingTimers => _processingTimers.All;

    /// <summary>How many timers wait, both domains: deleted timers are gone at once, never left behind in the heaps.</summary>
    public int Count => _eventTimers.Count + _processingTimers.Count;

    string IKeyGroupTimers.NamespaceType => TypeIdentity.Of<TNamespace>();

    /// <summary>Registers an event-time timer for the current key.</summary>
    public void RegisterEventTimeTimer(TNamespace ns, long time)
    {
        var slot = _backend.CurrentSlot;
        if (_eventTimers.Add(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns), slot))
            _backend.MarkDirty(slot);
    }

    /// <summary>Deletes the current key's event-time timer.</summary>
    public void DeleteEventTimeTimer(TNamespace ns, long time)
    {
        var slot = _backend.CurrentSlot;
        if (_eventTimers.Remove(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns), slot))
            _backend.MarkDirty(slot);
    }

    /// <summary>Registers a processing-time timer for the current key.</summary>
    public void RegisterProcessingTimeTimer(TNamespace ns, long time)
    {
        var slot = _backend.CurrentSlot;
        if (!_processingTimers.Add(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns), slot))
            return;
        _backend.MarkDirty(slot);
        ScheduleWakeUp(time);
    }

    /// <summary>Deletes the current key's processing-time timer; when no timer is left at the wake-up's time, the wake-up moves on.</summary>
    public void DeleteProcessingTimeTimer(TNamespace ns, long time)
    {
        var slot = _backend.CurrentSlot;
        if (!_processingTimers.Remove(new InternalTimer<TKey, TNamespace>(time, _backend.CurrentKey, ns), slot))
            return;
        _backend.MarkDirty(slot);
        if (_wakeUp is not { } wakeUp || (_processingTimers.TryPeekNext(out var next) && next <= wakeUp.Timestamp))
            return;
        wakeUp.Cancel();
        _wakeUp = null;
        if (_processingTimers.TryPeekNext(out next))
            ScheduleWakeUp(next);
    }

    /// <summary>Fires every event-time timer at or before <paramref name="watermark"/>, earliest first.</summary>
    public void AdvanceWatermark(long watermark)
    {
        CurrentWatermark = watermark;
        _backend.AdvanceWatermark(watermark);
        while (_eventTimers.TryPopDue(watermark, out var timer, out var slot))
        {
            _backend.MarkDirty(slot);
            _backend.SetCurrentKey(timer.Key, timer.Timestamp);
            _target.OnEventTime(timer);
        }
    }

    bool IKeyGroupTimers.HasTimers(int slot) => _eventTimers.CountIn(slot) > 0 || _processingTimers.CountIn(slot) > 0;

    void IKeyGroupSection.WriteKeyGroup(int slot, BinaryWriter writer)
    {
        _eventTimers.Write(slot, writer, _backend.KeySerializer, _namespaceSerializer);
        _processingTimers.Write(slot, writer, _backend.KeySerializer, _namespaceSerializer);
    }

    void IKeyGroupSection.ReadKeyGroup(int slot, int keyGroup, BinaryReader reader)
    {
        void Check(TKey key) => _backend.CheckRestoredKey(key, keyGroup);
        _eventTimers.Read(slot, reader, _backend.KeySerializer, _namespaceSerializer, Check);
        _processingTimers.Read(slot, reader, _backend.KeySerializer, _namespaceSerializer, Check);
        if (_processingTimers.TryPeekNext(out var next))
            ScheduleWakeUp(next);
    }

    int IKeyGroupSection.CountIn(int slot) => _eventTimers.CountIn(slot) + _processingTimers.CountIn(slot);

    void IKeyGroupSection.TrackChanges()
    {
        _eventTimers.TrackChanges();
        _processingTimers.TrackChanges();
    }

    int IKeyGroupSection.ChangedIn(int slot) => _eventTimers.ChangedIn(slot) + _processingTimers.ChangedIn(slot);

    void IKeyGroupSection.ClearChanges(int slot)
    {
        _eventTimers.ClearChanges(slot);
        _processingTimers.ClearChanges(slot);
    }

    void IKeyGroupSection.WriteChanges(int slot, BinaryWriter writer)
    {
        _eventTimers.WriteChanges(slot, writer, _backend.KeySerializer, _namespaceSerializer);
        _processingTimers.WriteChanges(slot, writer, _backend.KeySerializer, _namespaceSerializer);
    }

    void IKeyGroupSection.ReadChanges(int slot, int keyGroup, BinaryReader reader)
    {
        void Check(TKey key) => _backend.CheckRestoredKey(key, keyGroup);
        _eventTimers.ReadChanges(slot, reader, _backend.KeySerializer, _namespaceSerializer, Check);
        _processingTimers.ReadChanges(slot, reader, _backend.KeySerializer, _namespaceSerializer, Check);
        if (_processingTimers.TryPeekNext(out var next))
            ScheduleWakeUp(next);
    }

    private void OnProcessingTime(long now)
    {
        _wakeUp = null;
        while (_processingTimers.TryPopDue(now, out var timer, out var slot))
        {
            _backend.MarkDirty(slot);
            _backend.SetCurrentKey(timer.Key);
            _target.OnProcessingTime(timer);
        }
        if (_processingTimers.TryPeekNext(out var next))
            ScheduleWakeUp(next);
    }

    /// <summary>One wake-up at the earliest timer; a later timer needs none until that one fired.</summary>
    private void ScheduleWakeUp(long time)
    {
        if (_wakeUp is { } scheduled)
        {
            if (time >= scheduled.Timestamp)
                return;
            scheduled.Cancel(); // an earlier timer arrived: one wake-up, at the earliest
        }
        _wakeUp = _processingTime.ScheduleAt(time, OnProcessingTime);
    }
}

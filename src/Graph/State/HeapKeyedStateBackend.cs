using System.Diagnostics;
using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>
/// Keyed state of one operator subtask, in memory and organised by key group. The operator sets
/// the current key before it calls user code; state handles read and write that key's values.
/// At a checkpoint each key group that changed is written as one blob with its states and timers: the whole key
/// group, or (once it was snapshot whole) only the keys and timers that changed since its previous snapshot.
/// </summary>
public sealed class HeapKeyedStateBackend<TKey> : IKeyedStateStore, IKeyedStateSnapshots where TKey : notnull
{
    private readonly Dictionary<string, IKeyedStateHandle> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IKeyGroupTimers> _timers = new(StringComparer.Ordinal);
    private readonly PendingSections _pendingStates;
    private readonly PendingSections _pendingTimers;
    // One flag per slot, set by every write: the hot path pays an array store, nothing more.
    private readonly bool[] _dirty;
    // Slots whose next snapshot must be whole: never snapshot yet, or marked by MarkAllDirty.
    private readonly bool[] _full;
    private readonly string _keyType = TypeIdentity.Of<TKey>();
    private readonly IProcessingTimeService? _processingTime;

    /// <summary>
    /// Creates a backend for the key groups in <paramref name="groups"/>; keys are written with <paramref name="keySerializer"/>
    /// (default: <see cref="TypeSerializers.Get{T}"/>); states with a processing-time TTL age by <paramref name="processingTime"/>
    /// (default: the system clock).
    /// </summary>
    public HeapKeyedStateBackend(KeyGroupRangeInfo groups, ITypeSerializer<TKey>? keySerializer = null, IProcessingTimeService? processingTime = null)
    {
        Groups = groups;
        KeySerializer = keySerializer ?? TypeSerializers.Get<TKey>();
        _processingTime = processingTime;
        _dirty = new bool[groups.Range.Count];
        _full = new bool[groups.Range.Count];
        Array.Fill(_full, true);
        _pendingStates = new PendingSections(groups.Range.Count);
        _pendingTimers = new PendingSections(groups.Range.Count);
    }

    /// <summary>The key groups this backend owns.</summary>
    public KeyGroupRangeInfo Groups { get; }

    /// <inheritdoc />
    public KeyGroupRange KeyGroups => Groups.Range;

    /// <summary>Writes keys in checkpoints.</summary>
    public ITypeSerializer<TKey> KeySerializer { get; }

    /// <summary>The key of the element being processed.</summary>
    public TKey CurrentKey { get; private set; } = default!;

    /// <summary>The local slot of the current key's key group.</summary>
    public int CurrentSlot { get; private set; }

    /// <summary>The event time of the record or timer being processed (for event-time TTL), or <see cref="StreamRecord{T}.NoTimestamp"/>.</summary>
    public long CurrentTimestamp { get; private set; } = StreamRecord<int>.NoTimestamp;

    /// <summary>The operator's current watermark (for event-time TTL).</summary>
    public long CurrentWatermark { get; private set; } = Watermarks.Min;

    /// <summary>Creates the backend of a keyed operator subtask: its key groups, and its processing-time clock for TTL.</summary>
    public static HeapKeyedStateBackend<TKey> For(OperatorContext context) =>
        new(new KeyGroupRangeInfo(context.KeyGroupRange, context.MaxParallelism), processingTime: context.ProcessingTime);

    /// <summary>Scopes state access to <paramref name="key"/>, for a record or timer at event time <paramref name="timestamp"/>.</summary>
    public void SetCurrentKey(TKey key, long timestamp = StreamRecord<int>.NoTimestamp)
    {
        var slot = Groups.SlotOf(KeyGroupRangeAssignment.AssignToKeyGroup(key, Groups.MaxParallelism));
        CurrentKey = key;
        CurrentSlot = slot;
        CurrentTimestamp = timestamp;
    }

    /// <summary>
    /// Scopes state access to <paramref name="key"/>, whose key group <paramref name="keyGroup"/> the sender of its record
    /// already computed (with the same key selector), for a record at event time <paramref name="timestamp"/>.
    /// </summary>
    public void SetCurrentKey(TKey key, int keyGroup, long timestamp)
    {
        Debug.Assert(keyGroup == KeyGroupRangeAssignment.AssignToKeyGroup(key, Groups.MaxParallelism),
            $"key {key} was carried with key group {keyGroup}, not its own");
        CurrentSlot = Groups.SlotOf(keyGroup);
        CurrentKey = key;
        CurrentTimestamp = timestamp;
    }

    /// <summary>Moves event time on: values with an event-time TTL expire by it.</summary>
    public void AdvanceWatermark(long watermark) => CurrentWatermark = Math.Max(CurrentWatermark, watermark);

    /// <summary>The time a TTL of <paramref name="characteristic"/> compares ages with.</summary>
    internal long TtlNow(TtlTimeCharacteristic characteristic) =>
        characteristic == TtlTimeCharacteristic.EventTime ? CurrentWatermark : ProcessingTimeNow;

    /// <summary>The last-access time a write (or read) records under a TTL of <paramref name="characteristic"/>.</summary>
    internal long TtlStamp(TtlTimeCharacteristic characteristic) => characteristic switch
    {
        TtlTimeCharacteristic.EventTime => CurrentTimestamp != StreamRecord<int>.NoTimestamp ? CurrentTimestamp : CurrentWatermark,
        _ => ProcessingTimeNow,
    };

    private long ProcessingTimeNow => _processingTime?.CurrentProcessingTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The state tables registered so far, by name.</summary>
    public IEnumerable<IStateTable> Tables => _states.Values.Select(s => s.Table);

    /// <summary>True when restored state or timers named <paramref name="name"/> wait for the operator to register them.</summary>
    internal bool HasPending(string name) => _pendingStates.Contains(name) || _pendingTimers.Contains(name);

    /// <summary>Every key that holds a value in the state named <paramref name="stateName"/>.</summary>
    public IEnumerable<TKey> GetKeys(string stateName) =>
        _states.TryGetValue(stateName, out var state) ? ((IKeyedStateTable<TKey>)state.Table).Keys() : [];

    /// <inheritdoc />
    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) =>
        GetOrCreate<IValueState<T>>(descriptor, () => descriptor.TtlConfig is { } ttl
            ? new HeapTtlValueState<TKey, T>(this, descriptor, ttl)
            : new HeapValueState<TKey, T>(this, descriptor));

    /// <inheritdoc />
    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) =>
        GetOrCreate<IListState<T>>(descriptor, () => descriptor.TtlConfig is { } ttl
            ? new HeapTtlListState<TKey, T>(this, descriptor, ttl)
            : new HeapListState<TKey, T>(this, descriptor));

    /// <inheritdoc />
    public IMapState<TMapKey, TValue> GetMapState<TMapKey, TValue>(MapStateDescriptor<TMapKey, TValue> descriptor)
        where TMapKey : notnull =>
        GetOrCreate<IMapState<TMapKey, TValue>>(descriptor, () => descriptor.TtlConfig is { } ttl
            ? new HeapTtlMapState<TKey, TMapKey, TValue>(this, descriptor, ttl)
            : new HeapMapState<TKey, TMapKey, TValue>(this, descriptor));

    /// <inheritdoc />
    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) =>
        GetOrCreate<IReducingState<T>>(descriptor, () => descriptor.TtlConfig is { } ttl
            ? new HeapTtlReducingState<TKey, T>(this, descriptor, ttl)
            : new HeapReducingState<TKey, T>(this, descriptor));

    /// <inheritdoc />
    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(
        AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) =>
        GetOrCreate<IAggregatingState<TIn, TOut>>(descriptor, () => descriptor.TtlConfig is { } ttl
            ? new HeapTtlAggregatingState<TKey, TIn, TAcc, TOut>(this, descriptor, ttl)
            : new HeapAggregatingState<TKey, TIn, TAcc, TOut>(this, descriptor));

    /// <summary>True once the backend records which keys change (from its first snapshot on).</summary>
    internal bool TracksChanges { get; private set; }

    /// <inheritdoc />
    public bool IsDirty(int keyGroup) => _dirty[Groups.SlotOf(keyGroup)];

    /// <inheritdoc />
    public void MarkAllDirty()
    {
        Array.Fill(_dirty, true);
        Array.Fill(_full, true);
    }

    /// <inheritdoc />
    public void MarkForWholeSnapshot(int keyGroup)
    {
        var slot = Groups.SlotOf(keyGroup);
        _dirty[slot] = true;
        _full[slot] = true;
    }

    /// <inheritdoc />
    public byte[]? SnapshotKeyGroupChanges(int keyGroup)
    {
        var slot = Groups.SlotOf(keyGroup);
        if (_full[slot])
            return null;
        foreach (var state in _states.Values)
            state.PrepareSnapshot(slot); // expired values leave as tombstones
        long changed = 0, entries = 0;
        foreach (var section in Sections)
        {
            changed += section.ChangedIn(slot);
            entries += section.CountIn(slot);
        }
        // A delta costs about as much per key as the whole key group does: past half the keys, the whole is cheaper to write and to restore.
        if (2 * changed >= entries)
            return null;
        List<KeyGroupSection> states = [];
        foreach (var (name, state) in _states)
        {
            if (state.ChangedIn(slot) > 0)
                states.Add(new KeyGroupSection(name, (byte)state.Kind, state.ValueType,
                    w => Write($"state '{name}'", keyGroup, () => state.WriteChanges(slot, w)), Changes: true));
        }
        List<KeyGroupSection> timers = [];
        foreach (var (name, service) in _timers)
        {
            if (service.ChangedIn(slot) > 0)
                timers.Add(new KeyGroupSection(name, 0, service.NamespaceType,
                    w => Write($"timer service '{name}'", keyGroup, () => service.WriteChanges(slot, w)), Changes: true));
        }
        var blob = KeyGroupBlob.Write(_keyType, states, timers, isDelta: true);
        _dirty[slot] = false;
        return blob;
    }

    /// <inheritdoc />
    public byte[] SnapshotKeyGroup(int keyGroup)
    {
        var slot = Groups.SlotOf(keyGroup);
        List<KeyGroupSection> states = [];
        foreach (var (name, state) in _states)
        {
            state.PrepareSnapshot(slot);
            if (state.HasEntries(slot))
                states.Add(new KeyGroupSection(name, (byte)state.Kind, state.ValueType,
                    w => Write($"state '{name}'", keyGroup, () => state.WriteKeyGroup(slot, w))));
        }
        states.AddRange(_pendingStates.SectionsOf(slot));
        List<KeyGroupSection> timers = [];
        foreach (var (name, service) in _timers)
        {
            if (service.HasTimers(slot))
                timers.Add(new KeyGroupSection(name, 0, service.NamespaceType,
                    w => Write($"timer service '{name}'", keyGroup, () => service.WriteKeyGroup(slot, w))));
        }
        timers.AddRange(_pendingTimers.SectionsOf(slot));
        var blob = KeyGroupBlob.Write(_keyType, states, timers);
        foreach (var section in Sections)
            section.ClearChanges(slot);
        _dirty[slot] = false;
        _full[slot] = false;
        if (!TracksChanges)
            TrackChanges();
        return blob;
    }

    private void TrackChanges()
    {
        // Every slot still needs a whole snapshot before its first delta: writes until now were not recorded.
        TracksChanges = true;
        foreach (var section in Sections)
            section.TrackChanges();
    }

    /// <summary>Every registered state and timer service: the sections of a key group's snapshot.</summary>
    private IEnumerable<IKeyGroupSection> Sections => _states.Values.Concat<IKeyGroupSection>(_timers.Values);

    /// <inheritdoc />
    public void RestoreKeyGroup(int keyGroup, ReadOnlySpan<byte> data)
    {
        var slot = Groups.SlotOf(keyGroup);
        var (keyType, _, states, timers) = KeyGroupBlob.Read(data.ToArray());
        if (keyType != _keyType)
            throw new InvalidOperationException(
                $"Cannot restore key group {keyGroup}: its state was written with key type {keyType}, but the operator's key type is {_keyType}.");
        foreach (var section in states)
        {
            if (_states.TryGetValue(section.Name, out var state))
                Load(state, section.Kind, section.Type, slot, keyGroup, section.Payload, section.Changes);
            else
                _pendingStates.Add(slot, section);
        }
        foreach (var section in timers)
        {
            if (_timers.TryGetValue(section.Name, out var service))
                Load(service, section.Type, slot, keyGroup, section.Payload, section.Changes);
            else
                _pendingTimers.Add(slot, section);
        }
        _dirty[slot] = false;
    }

    /// <summary>Marks the current key's key group changed.</summary>
    internal void MarkCurrentDirty() => _dirty[CurrentSlot] = true;

    /// <summary>Marks slot <paramref name="slot"/> changed.</summary>
    internal void MarkDirty(int slot) => _dirty[slot] = true;

    /// <summary>Adds a timer service to the key-group blobs and hands it the timers restored for it.</summary>
    internal void RegisterTimers(IKeyGroupTimers service)
    {
        if (_timers.ContainsKey(service.Name))
            throw new InvalidOperationException($"A timer service named '{service.Name}' is registered already.");
        _pendingTimers.HandOver(service.Name, (_, type, slot, payload, changes) => Load(service, type, slot, KeyGroupOf(slot), payload, changes));
        _timers.Add(service.Name, service);
        if (TracksChanges)
            service.TrackChanges();
    }

    /// <summary>Throws when a restored key does not belong to the key group it was stored in.</summary>
    internal void CheckRestoredKey(TKey key, int keyGroup)
    {
        var actual = KeyGroupRangeAssignment.AssignToKeyGroup(key, Groups.MaxParallelism);
        if (actual != keyGroup)
            throw new InvalidDataException(
                $"Restored key '{key}' was stored in key group {keyGroup} but hashes to key group {actual}: the hash of {_keyType} " +
                "is not stable across processes (implement IStableHashable) or the max parallelism changed.");
    }

    private int KeyGroupOf(int slot) => Groups.Range.StartKeyGroup + slot;

    private TState GetOrCreate<TState>(StateDescriptor descriptor, Func<TState> create) where TState : class
    {
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing as TState ?? throw new InvalidOperationException(
                $"State '{descriptor.Name}' was registered before with another kind or type ({existing.GetType().Name}).");
        var state = create();
        var handle = (IKeyedStateHandle)state;
        // A failed hand-over leaves the state unregistered and its restored values pending (and still checkpointed).
        _pendingStates.HandOver(descriptor.Name, (kind, type, slot, payload, changes) => Load(handle, kind, type, slot, KeyGroupOf(slot), payload, changes));
        _states.Add(descriptor.Name, handle);
        return state;
    }

    private void Load(IKeyedStateHandle state, byte kind, string type, int slot, int keyGroup, byte[] payload, bool changes)
    {
        var name = state.Table.Name;
        if (kind != (byte)state.Kind || type != state.ValueType)
            throw new InvalidOperationException(
                $"Cannot restore state '{name}': the checkpoint holds it as {Describe(kind)} of {type}, but the operator registers it as " +
                $"{Describe((byte)state.Kind)} of {state.ValueType}. A state's kind and type cannot change across a restore; " +
                "register the new state under a new name" + (IsTtlChange(type, state.ValueType)
                    ? " (enabling or disabling a state's time-to-live changes what it stores)." : "."));
        Read($"state '{name}'", keyGroup, payload, changes
            ? reader => state.ReadChanges(slot, keyGroup, reader)
            : reader => state.ReadKeyGroup(slot, keyGroup, reader));
    }

    private static void Load(IKeyGroupTimers service, string namespaceType, int slot, int keyGroup, byte[] payload, bool changes)
    {
        if (namespaceType != service.NamespaceType)
            throw new InvalidOperationException(
                $"Cannot restore timer service '{service.Name}': the checkpoint holds timers with namespace {namespaceType}, " +
                $"but the operator's timers use {service.NamespaceType}.");
        Read($"timer service '{service.Name}'", keyGroup, payload, changes
            ? reader => service.ReadChanges(slot, keyGroup, reader)
            : reader => service.ReadKeyGroup(slot, keyGroup, reader));
    }

    private static void Read(string what, int keyGroup, byte[] payload, Action<BinaryReader> read)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false));
            read(reader);
            if (reader.BaseStream.Position != payload.Length)
                throw new InvalidDataException($"{payload.Length - reader.BaseStream.Position} bytes were left unread.");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Cannot restore {what} of key group {keyGroup}: {e.Message}", e);
        }
    }

    private static void Write(string what, int keyGroup, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Cannot snapshot {what} of key group {keyGroup}: {e.Message}", e);
        }
    }

    private static bool IsTtlChange(string stored, string registered) =>
        stored.Contains("TtlValue<", StringComparison.Ordinal) != registered.Contains("TtlValue<", StringComparison.Ordinal);

    private static string Describe(byte kind) => (StateKind)kind switch
    {
        StateKind.Aggregating => "an AggregatingState",
        var known when Enum.IsDefined(known) => $"a {known}State",
        _ => $"an unknown state kind ({kind})",
    };
}

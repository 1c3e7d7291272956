using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>
/// Base of the heap state handles: one table, read and written at the backend's current key. Every write
/// marks the current key group dirty (an array store); reads never do.
/// </summary>
internal abstract class HeapState<TKey, TValue>(HeapKeyedStateBackend<TKey> backend, string name, ITypeSerializer<TValue> serializer)
    : IKeyedStateHandle, IInPlaceMutable, IState where TKey : notnull
{
    protected readonly StateTable<TKey, TValue> Table = new(name, backend.Groups) { TracksChanges = backend.TracksChanges };

    /// <summary>The backend whose current key this state reads and writes.</summary>
    protected HeapKeyedStateBackend<TKey> Backend => backend;

    IStateTable IKeyedStateHandle.Table => Table;

    public abstract StateKind Kind { get; }

    public string ValueType => TypeIdentity.Of<TValue>();

    protected bool TryGetCurrent(out TValue value) => Table.TryGet(backend.CurrentSlot, backend.CurrentKey, out value);

    protected void SetCurrent(TValue value)
    {
        Table.Set(backend.CurrentSlot, backend.CurrentKey, value);
        backend.MarkCurrentDirty();
    }

    public void MarkCurrentChanged()
    {
        backend.MarkCurrentDirty();
        Table.MarkChanged(backend.CurrentSlot, backend.CurrentKey);
    }

    public void Clear()
    {
        // Clearing a key without a value changes nothing: no tombstone, no dirty key group (q4 clears its waiting
        // bids on every auction, most of which had none).
        if (Table.Remove(backend.CurrentSlot, backend.CurrentKey))
            backend.MarkCurrentDirty();
    }

    /// <summary>Removes <paramref name="key"/> of slot <paramref name="slot"/> outside a user call (expiry): the next delta carries its tombstone.</summary>
    protected void RemoveExpired(int slot, TKey key) => Table.Remove(slot, key);

    /// <summary>Records that the value of <paramref name="key"/> in slot <paramref name="slot"/> changed in place outside a user call (expiry).</summary>
    protected void MarkExpired(int slot, TKey key) => Table.MarkChanged(slot, key);

    public bool HasEntries(int slot) => Table.CountIn(slot) > 0;

    public int CountIn(int slot) => Table.CountIn(slot);

    public void TrackChanges() => Table.TracksChanges = true;

    public int ChangedIn(int slot) => Table.ChangedIn(slot);

    public void ClearChanges(int slot) => Table.ForgetChanges(slot);

    public void WriteChanges(int slot, BinaryWriter writer) => Table.WriteChanges(slot, writer, backend.KeySerializer, serializer);

    public void ReadChanges(int slot, int keyGroup, BinaryReader reader)
    {
        var keys = backend.KeySerializer;
        var upserts = reader.ReadCount();
        for (var i = 0; i < upserts; i++)
        {
            var key = keys.Deserialize(reader);
            backend.CheckRestoredKey(key, keyGroup);
            Table.Restore(slot, key, serializer.Deserialize(reader));
        }
        var tombstones = reader.ReadCount();
        for (var i = 0; i < tombstones; i++)
        {
            var key = keys.Deserialize(reader);
            backend.CheckRestoredKey(key, keyGroup);
            Table.RestoreRemoval(slot, key);
        }
        AfterRestore(slot);
    }

    public virtual void PrepareSnapshot(int slot) { }

    /// <summary>Called after slot <paramref name="slot"/> was restored.</summary>
    protected virtual void AfterRestore(int slot) { }

    public void WriteKeyGroup(int slot, BinaryWriter writer) => Table.WriteEntries(slot, writer, backend.KeySerializer, serializer);

    public void ReadKeyGroup(int slot, int keyGroup, BinaryReader reader)
    {
        var keys = backend.KeySerializer;
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var key = keys.Deserialize(reader);
            backend.CheckRestoredKey(key, keyGroup);
            Table.Restore(slot, key, serializer.Deserialize(reader));
        }
        AfterRestore(slot);
    }
}

internal sealed class HeapValueState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ValueStateDescriptor<T> descriptor)
    : HeapState<TKey, T>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<T>()), IValueState<T> where TKey : notnull
{
    public override StateKind Kind => StateKind.Value;

    public T Value() => TryGetCurrent(out var value) ? value : descriptor.DefaultValue;

    public bool TryGetValue(out T value) => TryGetCurrent(out value);

    public void Update(T value) => SetCurrent(value);
}

internal sealed class HeapListState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ListStateDescriptor<T> descriptor)
    : HeapState<TKey, List<T>>(backend, descriptor.Name, new ListSerializer<T>(descriptor.Serializer ?? TypeSerializers.Get<T>())),
        IListState<T> where TKey : notnull
{
    public override StateKind Kind => StateKind.List;

    public IReadOnlyList<T> Get() => TryGetCurrent(out var list) ? list : [];

    public void Add(T value)
    {
        if (TryGetCurrent(out var list))
        {
            list.Add(value);
            MarkCurrentChanged();
        }
        else
            SetCurrent([value]);
    }

    public void AddAll(IEnumerable<T> values)
    {
        // As Flink: adding nothing leaves the state unchanged (no empty list for a key that had none).
        if (TryGetCurrent(out var list))
        {
            var before = list.Count;
            list.AddRange(values);
            if (list.Count > before)
                MarkCurrentChanged();
        }
        else if (new List<T>(values) is { Count: > 0 } added)
            SetCurrent(added);
    }

    public void Update(IEnumerable<T> values)
    {
        List<T> list = [.. values];
        if (list.Count == 0)
            Clear(); // as Flink: updating with nothing removes the key
        else
            SetCurrent(list);
    }
}

internal sealed class HeapMapState<TKey, TMapKey, TValue>(HeapKeyedStateBackend<TKey> backend, MapStateDescriptor<TMapKey, TValue> descriptor)
    : HeapState<TKey, Dictionary<TMapKey, TValue>>(backend, descriptor.Name, new DictionarySerializer<TMapKey, TValue>(
        descriptor.KeySerializer ?? TypeSerializers.Get<TMapKey>(), descriptor.Serializer ?? TypeSerializers.Get<TValue>())),
        IMapState<TMapKey, TValue>
    where TKey : notnull where TMapKey : notnull
{
    public override StateKind Kind => StateKind.Map;

    public TValue? Get(TMapKey key) => TryGetCurrent(out var map) && map.TryGetValue(key, out var v) ? v : default;

    public bool TryGet(TMapKey key, out TValue value)
    {
        if (TryGetCurrent(out var map) && map.TryGetValue(key, out value!))
            return true;
        value = default!;
        return false;
    }

    public void Put(TMapKey key, TValue value)
    {
        if (!TryGetCurrent(out var map))
            SetCurrent(map = []);
        map[key] = value;
        MarkCurrentChanged();
    }

    public void Remove(TMapKey key)
    {
        if (!TryGetCurrent(out var map) || !map.Remove(key))
            return;
        if (map.Count == 0)
            Clear();
        else
            MarkCurrentChanged();
    }

    public bool Contains(TMapKey key) => TryGetCurrent(out var map) && map.ContainsKey(key);

    public IEnumerable<KeyValuePair<TMapKey, TValue>> Entries() => TryGetCurrent(out var map) ? map : [];

    public bool IsEmpty() => !TryGetCurrent(out var map) || map.Count == 0;
}

internal sealed class HeapReducingState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ReducingStateDescriptor<T> descriptor)
    : HeapState<TKey, T>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<T>()), IReducingState<T> where TKey : notnull
{
    public override StateKind Kind => StateKind.Reducing;

    public T Get() => TryGetCurrent(out var value) ? value : default!;

    public bool TryGet(out T result) => TryGetCurrent(out result);

    public bool Contains() => TryGetCurrent(out _);

    public void Add(T value) => SetCurrent(TryGetCurrent(out var current) ? descriptor.Reducer(current, value) : value);
}

internal sealed class HeapAggregatingState<TKey, TIn, TAcc, TOut>(
    HeapKeyedStateBackend<TKey> backend, AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor)
    : HeapState<TKey, TAcc>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<TAcc>()),
        IAggregatingState<TIn, TOut> where TKey : notnull
{
    public override StateKind Kind => StateKind.Aggregating;

    public TOut Get() => TryGetCurrent(out var acc) ? descriptor.Function.GetResult(acc) : default!;

    public bool TryGet(out TOut result)
    {
        var found = TryGetCurrent(out var acc);
        result = found ? descriptor.Function.GetResult(acc) : default!;
        return found;
    }

    public bool Contains() => TryGetCurrent(out _);

    public void Add(TIn value)
    {
        var acc = TryGetCurrent(out var current) ? current : descriptor.Function.CreateAccumulator();
        SetCurrent(descriptor.Function.Add(value, acc));
    }
}

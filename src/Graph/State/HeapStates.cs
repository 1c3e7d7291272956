namespace ActorStream.Graph.State;

/// <summary>A state handle with its table.</summary>
internal interface IKeyedStateHandle
{
    IStateTable Table { get; }
}

/// <summary>Base of the heap state handles: one table, read and written at the backend's current key.</summary>
internal abstract class HeapState<TKey, TValue>(HeapKeyedStateBackend<TKey> backend, string name) : IKeyedStateHandle, IState
    where TKey : notnull
{
    protected readonly StateTable<TKey, TValue> Table = new(name, backend.Groups);

    IStateTable IKeyedStateHandle.Table => Table;

    protected bool TryGetCurrent(out TValue value) => Table.TryGet(backend.CurrentSlot, backend.CurrentKey, out value);

    protected void SetCurrent(TValue value) => Table.Set(backend.CurrentSlot, backend.CurrentKey, value);

    public void Clear() => Table.Remove(backend.CurrentSlot, backend.CurrentKey);
}

internal sealed class HeapValueState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ValueStateDescriptor<T> descriptor)
    : HeapState<TKey, T>(backend, descriptor.Name), IValueState<T> where TKey : notnull
{
    public T Value() => TryGetCurrent(out var value) ? value : descriptor.DefaultValue;

    public bool TryGetValue(out T value) => TryGetCurrent(out value);

    public void Update(T value) => SetCurrent(value);
}

internal sealed class HeapListState<TKey, T>(HeapKeyedStateBackend<TKey> backend, string name)
    : HeapState<TKey, List<T>>(backend, name), IListState<T> where TKey : notnull
{
    public IReadOnlyList<T> Get() => TryGetCurrent(out var list) ? list : [];

    public void Add(T value) => Mutable().Add(value);

    public void AddAll(IEnumerable<T> values) => Mutable().AddRange(values);

    public void Update(IEnumerable<T> values)
    {
        List<T> list = [.. values];
        if (list.Count == 0)
            Clear(); // as Flink: updating with nothing removes the key
        else
            SetCurrent(list);
    }

    private List<T> Mutable()
    {
        if (!TryGetCurrent(out var list))
            SetCurrent(list = []);
        return list;
    }
}

internal sealed class HeapMapState<TKey, TMapKey, TValue>(HeapKeyedStateBackend<TKey> backend, string name)
    : HeapState<TKey, Dictionary<TMapKey, TValue>>(backend, name), IMapState<TMapKey, TValue>
    where TKey : notnull where TMapKey : notnull
{
    public TValue? Get(TMapKey key) => TryGetCurrent(out var map) && map.TryGetValue(key, out var v) ? v : default;

    public void Put(TMapKey key, TValue value)
    {
        if (!TryGetCurrent(out var map))
            SetCurrent(map = []);
        map[key] = value;
    }

    public void Remove(TMapKey key)
    {
        if (TryGetCurrent(out var map) && map.Remove(key) && map.Count == 0)
            Clear();
    }

    public bool Contains(TMapKey key) => TryGetCurrent(out var map) && map.ContainsKey(key);

    public IEnumerable<KeyValuePair<TMapKey, TValue>> Entries() => TryGetCurrent(out var map) ? map : [];

    public bool IsEmpty() => !TryGetCurrent(out var map) || map.Count == 0;
}

internal sealed class HeapReducingState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ReducingStateDescriptor<T> descriptor)
    : HeapState<TKey, T>(backend, descriptor.Name), IReducingState<T> where TKey : notnull
{
    public T Get() => TryGetCurrent(out var value) ? value : default!;

    public void Add(T value) => SetCurrent(TryGetCurrent(out var current) ? descriptor.Reducer(current, value) : value);
}

internal sealed class HeapAggregatingState<TKey, TIn, TAcc, TOut>(
    HeapKeyedStateBackend<TKey> backend, AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor)
    : HeapState<TKey, TAcc>(backend, descriptor.Name), IAggregatingState<TIn, TOut> where TKey : notnull
{
    public TOut Get() => TryGetCurrent(out var acc) ? descriptor.Function.GetResult(acc) : default!;

    public void Add(TIn value)
    {
        var acc = TryGetCurrent(out var current) ? current : descriptor.Function.CreateAccumulator();
        SetCurrent(descriptor.Function.Add(value, acc));
    }
}

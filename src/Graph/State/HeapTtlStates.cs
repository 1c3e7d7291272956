using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

internal sealed class HeapTtlValueState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ValueStateDescriptor<T> descriptor, StateTtlConfig ttl)
    : HeapTtlSingleState<TKey, T>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<T>(), ttl), IValueState<T>
    where TKey : notnull
{
    public override StateKind Kind => StateKind.Value;

    public T Value() => TryRead(out var value) ? value : descriptor.DefaultValue;

    public bool TryGetValue(out T value) => TryRead(out value);

    public void Update(T value)
    {
        OnAccess();
        Write(value);
    }
}

internal sealed class HeapTtlReducingState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ReducingStateDescriptor<T> descriptor, StateTtlConfig ttl)
    : HeapTtlSingleState<TKey, T>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<T>(), ttl), IReducingState<T>
    where TKey : notnull
{
    public override StateKind Kind => StateKind.Reducing;

    public T Get() => TryRead(out var value) ? value : default!;

    public bool TryGet(out T result) => TryRead(out result);

    public bool Contains() => TryRead(out _);

    // An expired value is not folded in: the key starts again from the added value.
    public void Add(T value) => Write(TryGetLive(out var current) ? descriptor.Reducer(current, value) : value);
}

internal sealed class HeapTtlAggregatingState<TKey, TIn, TAcc, TOut>(
    HeapKeyedStateBackend<TKey> backend, AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor, StateTtlConfig ttl)
    : HeapTtlSingleState<TKey, TAcc>(backend, descriptor.Name, descriptor.Serializer ?? TypeSerializers.Get<TAcc>(), ttl),
        IAggregatingState<TIn, TOut> where TKey : notnull
{
    public override StateKind Kind => StateKind.Aggregating;

    public TOut Get() => TryRead(out var acc) ? descriptor.Function.GetResult(acc) : default!;

    public bool TryGet(out TOut result)
    {
        var found = TryRead(out var acc);
        result = found ? descriptor.Function.GetResult(acc) : default!;
        return found;
    }

    public bool Contains() => TryRead(out _);

    public void Add(TIn value)
    {
        var acc = TryGetLive(out var current) ? current : descriptor.Function.CreateAccumulator();
        Write(descriptor.Function.Add(value, acc));
    }
}

/// <summary>A list state whose elements expire one by one (Flink's TtlListState).</summary>
internal sealed class HeapTtlListState<TKey, T>(HeapKeyedStateBackend<TKey> backend, ListStateDescriptor<T> descriptor, StateTtlConfig ttl)
    : HeapTtlState<TKey, List<TtlValue<T>>>(backend, descriptor.Name,
        new ListSerializer<TtlValue<T>>(new TtlValueSerializer<T>(descriptor.Serializer ?? TypeSerializers.Get<T>())), ttl),
        IListState<T> where TKey : notnull
{
    public override StateKind Kind => StateKind.List;

    public IReadOnlyList<T> Get()
    {
        OnAccess();
        if (!TryGetCurrent(out var list))
            return [];
        var values = new List<T>(list.Count);
        var expired = 0;
        foreach (var element in list)
        {
            var isExpired = IsExpired(element.LastAccess);
            expired += isExpired ? 1 : 0;
            if (!isExpired || ReturnExpired)
                values.Add(element.Value);
        }
        if (expired > 0 && Purge(list) == TtlPurge.Remove)
        {
            Clear();
            return values;
        }
        if (UpdateOnRead)
        {
            var stamp = Stamp;
            for (var i = 0; i < list.Count; i++)
                list[i] = list[i] with { LastAccess = stamp };
        }
        if (expired > 0 || UpdateOnRead)
            MarkCurrentChanged();
        return values;
    }

    public void Add(T value)
    {
        OnAccess();
        Mutable().Add(new TtlValue<T>(value, Stamp));
        MarkCurrentChanged();
    }

    public void AddAll(IEnumerable<T> values)
    {
        OnAccess();
        var stamp = Stamp;
        Mutable().AddRange(values.Select(v => new TtlValue<T>(v, stamp)));
        MarkCurrentChanged();
    }

    public void Update(IEnumerable<T> values)
    {
        OnAccess();
        var stamp = Stamp;
        List<TtlValue<T>> list = [.. values.Select(v => new TtlValue<T>(v, stamp))];
        if (list.Count == 0)
            Clear();
        else
            SetCurrent(list);
    }

    protected override TtlPurge Purge(List<TtlValue<T>> stored)
    {
        var removed = stored.RemoveAll(e => IsExpired(e.LastAccess));
        return stored.Count == 0 ? TtlPurge.Remove : removed > 0 ? TtlPurge.Changed : TtlPurge.Keep;
    }

    private List<TtlValue<T>> Mutable()
    {
        if (!TryGetCurrent(out var list))
            SetCurrent(list = []);
        return list;
    }
}

/// <summary>A map state whose entries expire one by one (Flink's TtlMapState).</summary>
internal sealed class HeapTtlMapState<TKey, TMapKey, TValue>(
    HeapKeyedStateBackend<TKey> backend, MapStateDescriptor<TMapKey, TValue> descriptor, StateTtlConfig ttl)
    : HeapTtlState<TKey, Dictionary<TMapKey, TtlValue<TValue>>>(backend, descriptor.Name,
        new DictionarySerializer<TMapKey, TtlValue<TValue>>(descriptor.KeySerializer ?? TypeSerializers.Get<TMapKey>(),
            new TtlValueSerializer<TValue>(descriptor.Serializer ?? TypeSerializers.Get<TValue>())), ttl),
        IMapState<TMapKey, TValue> where TKey : notnull where TMapKey : notnull
{
    public override StateKind Kind => StateKind.Map;

    public TValue? Get(TMapKey key) => TryGet(key, out var value) ? value : default;

    public bool TryGet(TMapKey key, out TValue value)
    {
        OnAccess();
        if (!TryGetCurrent(out var map) || !map.TryGetValue(key, out var stored))
        {
            value = default!;
            return false;
        }
        if (IsExpired(stored.LastAccess))
        {
            RemoveEntry(map, key);
            value = ReturnExpired ? stored.Value : default!;
            return ReturnExpired;
        }
        if (UpdateOnRead)
        {
            map[key] = stored with { LastAccess = Stamp };
            MarkCurrentChanged();
        }
        value = stored.Value;
        return true;
    }

    public bool Contains(TMapKey key) => TryGet(key, out _);

    public void Put(TMapKey key, TValue value)
    {
        OnAccess();
        if (!TryGetCurrent(out var map))
            SetCurrent(map = []);
        map[key] = new TtlValue<TValue>(value, Stamp);
        MarkCurrentChanged();
    }

    public void Remove(TMapKey key)
    {
        OnAccess();
        if (TryGetCurrent(out var map))
            RemoveEntry(map, key);
    }

    public IEnumerable<KeyValuePair<TMapKey, TValue>> Entries()
    {
        OnAccess();
        if (!TryGetCurrent(out var map))
            return [];
        List<KeyValuePair<TMapKey, TValue>> entries = [];
        var expired = 0;
        foreach (var (key, stored) in map)
        {
            var isExpired = IsExpired(stored.LastAccess);
            expired += isExpired ? 1 : 0;
            if (!isExpired || ReturnExpired)
                entries.Add(new KeyValuePair<TMapKey, TValue>(key, stored.Value));
        }
        if (expired > 0 && Purge(map) == TtlPurge.Remove)
        {
            Clear();
            return entries;
        }
        if (UpdateOnRead)
        {
            var stamp = Stamp;
            foreach (var key in map.Keys.ToList())
                map[key] = map[key] with { LastAccess = stamp };
        }
        if (expired > 0 || UpdateOnRead)
            MarkCurrentChanged();
        return entries;
    }

    public bool IsEmpty()
    {
        OnAccess();
        if (!TryGetCurrent(out var map))
            return true;
        if (ReturnExpired || Purge(map) == TtlPurge.Keep)
            return map.Count == 0;
        if (map.Count == 0)
            Clear();
        else
            MarkCurrentChanged();
        return map.Count == 0;
    }

    protected override TtlPurge Purge(Dictionary<TMapKey, TtlValue<TValue>> stored)
    {
        List<TMapKey>? expired = null;
        foreach (var (key, value) in stored)
        {
            if (IsExpired(value.LastAccess))
                (expired ??= []).Add(key);
        }
        expired?.ForEach(key => stored.Remove(key));
        return stored.Count == 0 ? TtlPurge.Remove : expired is not null ? TtlPurge.Changed : TtlPurge.Keep;
    }

    private void RemoveEntry(Dictionary<TMapKey, TtlValue<TValue>> map, TMapKey key)
    {
        if (!map.Remove(key))
            return;
        if (map.Count == 0)
            Clear();
        else
            MarkCurrentChanged();
    }
}

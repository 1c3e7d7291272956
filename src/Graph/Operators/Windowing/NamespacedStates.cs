using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Value state of the current key in the window <paramref name="window"/> returns.</summary>
internal sealed class NamespacedValueState<W, T>(NamespacedTable<W, T> table, Func<W> window, T defaultValue) : IValueState<T>
    where W : Window
{
    public T Value() => table.TryGet(window(), out var value) ? value : defaultValue;

    public bool TryGetValue(out T value) => table.TryGet(window(), out value);

    public void Update(T value) => table.Set(window(), value);

    public void Clear() => table.Remove(window());
}

/// <summary>List state of the current key and window.</summary>
internal sealed class NamespacedListState<W, T>(NamespacedTable<W, List<T>> table, Func<W> window) : IListState<T>
    where W : Window
{
    public IReadOnlyList<T> Get() => table.TryGet(window(), out var list) ? list : [];

    public void Add(T value)
    {
        Mutable().Add(value);
        table.MarkChanged();
    }

    public void AddAll(IEnumerable<T> values)
    {
        Mutable().AddRange(values);
        table.MarkChanged();
    }

    // As Flink's ListState.update: an empty list clears the state.
    public void Update(IEnumerable<T> values)
    {
        List<T> list = [.. values];
        if (list.Count == 0)
            Clear();
        else
            table.Set(window(), list);
    }

    public void Clear() => table.Remove(window());

    private List<T> Mutable()
    {
        var current = window();
        if (!table.TryGet(current, out var list))
            table.Set(current, list = []);
        return list;
    }
}

/// <summary>Reducing state of the current key and window.</summary>
internal sealed class NamespacedReducingState<W, T>(NamespacedTable<W, T> table, Func<W> window, Func<T, T, T> reducer)
    : IReducingState<T> where W : Window
{
    public T Get() => table.TryGet(window(), out var value) ? value : default!;

    public bool TryGet(out T result) => table.TryGet(window(), out result);

    public bool Contains() => table.TryGet(window(), out _);

    public void Add(T value)
    {
        var current = window();
        table.Set(current, table.TryGet(current, out var accumulated) ? reducer(accumulated, value) : value);
    }

    public void Clear() => table.Remove(window());
}

/// <summary>Aggregating state of the current key and window.</summary>
internal sealed class NamespacedAggregatingState<W, TIn, TAcc, TOut>(
    NamespacedTable<W, TAcc> table, Func<W> window, IAggregateFunction<TIn, TAcc, TOut> function)
    : IAggregatingState<TIn, TOut> where W : Window
{
    public TOut Get() => table.TryGet(window(), out var accumulator) ? function.GetResult(accumulator) : default!;

    public bool TryGet(out TOut result)
    {
        var found = table.TryGet(window(), out var accumulator);
        result = found ? function.GetResult(accumulator) : default!;
        return found;
    }

    public bool Contains() => table.TryGet(window(), out _);

    public void Add(TIn value)
    {
        var current = window();
        var accumulator = table.TryGet(current, out var existing) ? existing : function.CreateAccumulator();
        table.Set(current, function.Add(value, accumulator));
    }

    public void Clear() => table.Remove(window());
}

/// <summary>Map state of the current key and window.</summary>
internal sealed class NamespacedMapState<W, TKey, TValue>(NamespacedTable<W, Dictionary<TKey, TValue>> table, Func<W> window)
    : IMapState<TKey, TValue> where W : Window where TKey : notnull
{
    public TValue? Get(TKey key) => table.TryGet(window(), out var map) && map.TryGetValue(key, out var value) ? value : default;

    public bool TryGet(TKey key, out TValue value)
    {
        if (table.TryGet(window(), out var map) && map.TryGetValue(key, out value!))
            return true;
        value = default!;
        return false;
    }

    public void Put(TKey key, TValue value)
    {
        var current = window();
        if (!table.TryGet(current, out var map))
            table.Set(current, map = []);
        map[key] = value;
        table.MarkChanged();
    }

    public void Remove(TKey key)
    {
        var current = window();
        if (!table.TryGet(current, out var map) || !map.Remove(key))
            return;
        if (map.Count == 0)
            table.Remove(current);
        else
            table.MarkChanged();
    }

    public bool Contains(TKey key) => table.TryGet(window(), out var map) && map.ContainsKey(key);

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => table.TryGet(window(), out var map) ? map : [];

    public bool IsEmpty() => !table.TryGet(window(), out var map) || map.Count == 0;

    public void Clear() => table.Remove(window());
}

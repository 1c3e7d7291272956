namespace ActorStream.Graph;

/// <summary>Keyed state scoped to the key of the current element.</summary>
public interface IState
{
    /// <summary>Removes the current key's value.</summary>
    void Clear();
}

/// <summary>One value per key.</summary>
public interface IValueState<T> : IState
{
    /// <summary>The current key's value, or the descriptor's default.</summary>
    T Value();

    /// <summary>True and the current key's value when it has one; false when it has none.</summary>
    bool TryGetValue(out T value);

    /// <summary>Sets the current key's value.</summary>
    void Update(T value);
}

/// <summary>A list of values per key.</summary>
public interface IListState<T> : IState
{
    /// <summary>The current key's values (empty when none).</summary>
    IReadOnlyList<T> Get();

    /// <summary>Appends a value.</summary>
    void Add(T value);

    /// <summary>Appends values.</summary>
    void AddAll(IEnumerable<T> values);

    /// <summary>Replaces the current key's values.</summary>
    void Update(IEnumerable<T> values);
}

/// <summary>A map per key.</summary>
public interface IMapState<TKey, TValue> : IState where TKey : notnull
{
    /// <summary>The value under <paramref name="key"/>, or default.</summary>
    TValue? Get(TKey key);

    /// <summary>True and the value under <paramref name="key"/> when the map holds it; false when it does not.</summary>
    bool TryGet(TKey key, out TValue value);

    /// <summary>Sets the value under <paramref name="key"/>.</summary>
    void Put(TKey key, TValue value);

    /// <summary>Removes <paramref name="key"/>.</summary>
    void Remove(TKey key);

    /// <summary>True when the map holds <paramref name="key"/>.</summary>
    bool Contains(TKey key);

    /// <summary>The current key's entries.</summary>
    IEnumerable<KeyValuePair<TKey, TValue>> Entries();

    /// <summary>True when the current key's map is empty.</summary>
    bool IsEmpty();
}

/// <summary>Keyed state that accepts inputs and exposes a result.</summary>
public interface IAppendingState<in TIn, TOut> : IState
{
    /// <summary>The current key's result, or default when nothing was added.</summary>
    TOut Get();

    /// <summary>True and the current key's result when something was added; false when nothing was.</summary>
    bool TryGet(out TOut result);

    /// <summary>True when something was added for the current key (and not cleared since).</summary>
    bool Contains();

    /// <summary>Adds a value.</summary>
    void Add(TIn value);
}

/// <summary>Values added per key are folded with a reduce function.</summary>
public interface IReducingState<T> : IAppendingState<T, T>;

/// <summary>Values added per key are aggregated with an aggregate function.</summary>
public interface IAggregatingState<in TIn, TOut> : IAppendingState<TIn, TOut>;

namespace ActorStream.Graph;

/// <summary>Broadcast state as the keyed side sees it: the same map in every subtask, read-only.</summary>
public interface IReadOnlyBroadcastState<TKey, TValue> where TKey : notnull
{
    /// <summary>The value under <paramref name="key"/>, or default.</summary>
    TValue? Get(TKey key);

    /// <summary>True when the map holds <paramref name="key"/>.</summary>
    bool Contains(TKey key);

    /// <summary>Every entry.</summary>
    IEnumerable<KeyValuePair<TKey, TValue>> Entries();
}

/// <summary>Broadcast state as the broadcast side sees it: it must change it identically in every subtask.</summary>
public interface IBroadcastState<TKey, TValue> : IReadOnlyBroadcastState<TKey, TValue> where TKey : notnull
{
    /// <summary>Sets the value under <paramref name="key"/>.</summary>
    void Put(TKey key, TValue value);

    /// <summary>Removes <paramref name="key"/>.</summary>
    void Remove(TKey key);

    /// <summary>Removes every entry.</summary>
    void Clear();
}

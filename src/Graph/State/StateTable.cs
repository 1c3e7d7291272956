namespace ActorStream.Graph.State;

/// <summary>The values of one named state, organised by key group so that a key group can be snapshot or moved alone.</summary>
public sealed class StateTable<TKey, TValue>(string name, KeyGroupRangeInfo groups) : IStateTable, IKeyedStateTable<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue>?[] _byKeyGroup = new Dictionary<TKey, TValue>?[groups.Range.Count];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>Reads the value of <paramref name="key"/> in key group slot <paramref name="slot"/>.</summary>
    public bool TryGet(int slot, TKey key, out TValue value)
    {
        var map = _byKeyGroup[slot];
        if (map is not null && map.TryGetValue(key, out value!))
            return true;
        value = default!;
        return false;
    }

    /// <summary>Sets the value of <paramref name="key"/> in key group slot <paramref name="slot"/>.</summary>
    public void Set(int slot, TKey key, TValue value) => (_byKeyGroup[slot] ??= new Dictionary<TKey, TValue>())[key] = value;

    /// <summary>Removes <paramref name="key"/> from key group slot <paramref name="slot"/>; false when it held no value.</summary>
    public bool Remove(int slot, TKey key) => _byKeyGroup[slot]?.Remove(key) ?? false;

    /// <summary>Every key with a value, in key-group order.</summary>
    public IEnumerable<TKey> Keys()
    {
        foreach (var map in _byKeyGroup)
        {
            if (map is null)
                continue;
            foreach (var key in map.Keys)
                yield return key;
        }
    }

    /// <inheritdoc />
    public int Count => _byKeyGroup.Sum(m => m?.Count ?? 0);

    /// <summary>How many keys of slot <paramref name="slot"/> hold a value.</summary>
    internal int CountIn(int slot) => _byKeyGroup[slot]?.Count ?? 0;

    /// <summary>A copy of the keys of slot <paramref name="slot"/>, or null when it holds none.</summary>
    internal List<TKey>? KeysIn(int slot) => _byKeyGroup[slot] is { Count: > 0 } map ? [.. map.Keys] : null;

    /// <summary>The keys and values of slot <paramref name="slot"/>.</summary>
    internal IReadOnlyCollection<KeyValuePair<TKey, TValue>> EntriesIn(int slot) =>
        _byKeyGroup[slot] ?? (IReadOnlyCollection<KeyValuePair<TKey, TValue>>)[];

    /// <summary>The keys and values of the key group <paramref name="keyGroup"/>.</summary>
    public IReadOnlyDictionary<TKey, TValue> KeyGroup(int keyGroup) =>
        _byKeyGroup[groups.SlotOf(keyGroup)] ?? (IReadOnlyDictionary<TKey, TValue>)new Dictionary<TKey, TValue>();
}

/// <summary>The untyped view of a <see cref="StateTable{TKey,TValue}"/>.</summary>
public interface IStateTable
{
    /// <summary>The state's name.</summary>
    string Name { get; }

    /// <summary>How many keys hold a value.</summary>
    int Count { get; }
}

/// <summary>The keys of a state table, without its value type.</summary>
public interface IKeyedStateTable<out TKey>
{
    /// <summary>Every key with a value, in key-group order.</summary>
    IEnumerable<TKey> Keys();
}

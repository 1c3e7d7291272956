using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>
/// The values of one named state, organised by key group so that a key group can be snapshot or moved alone.
/// </summary>
/// <remarks>
/// Each slot also records what changed since its last snapshot, for deltas (see docs/checkpoints.md). An entry
/// carries the slot's epoch of its last change: a write compares two ints in the entry it already holds, and the
/// first change of an entry in an epoch appends its key to the slot's list, so recording costs no hash insert per
/// write (a HashSet of changed keys did, on every state write of every checkpointed job). A snapshot of the slot
/// starts a new epoch. Changed and removed keys are listed only once <see cref="TracksChanges"/> is set (the
/// first snapshot), so a job without checkpoints keeps no list.
/// </remarks>
public sealed class StateTable<TKey, TValue> : IStateTable, IKeyedStateTable<TKey>
    where TKey : notnull
{
    private readonly KeyGroupRangeInfo _groups;
    private readonly Dictionary<TKey, Entry>?[] _byKeyGroup;
    private readonly int[] _epochs;
    private readonly int[] _changedCounts;
    private readonly List<TKey>?[] _changed;
    private readonly List<TKey>?[] _removed;

    /// <summary>Creates the table of state <paramref name="name"/> over the key groups of <paramref name="groups"/>.</summary>
    public StateTable(string name, KeyGroupRangeInfo groups)
    {
        Name = name;
        _groups = groups;
        var slots = groups.Range.Count;
        _byKeyGroup = new Dictionary<TKey, Entry>?[slots];
        _epochs = new int[slots];
        Array.Fill(_epochs, FirstEpoch);
        _changedCounts = new int[slots];
        _changed = new List<TKey>?[slots];
        _removed = new List<TKey>?[slots];
    }

    /// <summary>A value and the epoch of its last change; a new entry's 0 is before every epoch.</summary>
    private struct Entry
    {
        public TValue Value;
        public int Epoch;
    }

    private const int FirstEpoch = 1;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>True once changes are written as deltas: changed and removed keys are listed from then on.</summary>
    internal bool TracksChanges { get; set; }

    /// <summary>Reads the value of <paramref name="key"/> in key group slot <paramref name="slot"/>.</summary>
    public bool TryGet(int slot, TKey key, out TValue value)
    {
        var map = _byKeyGroup[slot];
        if (map is not null && map.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Sets the value of <paramref name="key"/> in key group slot <paramref name="slot"/>, recording the change.</summary>
    public void Set(int slot, TKey key, TValue value)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_byKeyGroup[slot] ??= [], key, out _);
        entry.Value = value;
        Touch(slot, key, ref entry);
    }

    /// <summary>Records that the value of <paramref name="key"/> was changed in place (or is gone).</summary>
    internal void MarkChanged(int slot, TKey key)
    {
        if (_byKeyGroup[slot] is { } map)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(map, key);
            if (!Unsafe.IsNullRef(ref entry))
            {
                Touch(slot, key, ref entry);
                return;
            }
        }
        NoteRemoved(slot, key);
    }

    /// <summary>Removes <paramref name="key"/> from key group slot <paramref name="slot"/>; false when it held no value.</summary>
    public bool Remove(int slot, TKey key)
    {
        if (!RemoveEntry(slot, key))
            return false;
        NoteRemoved(slot, key);
        return true;
    }

    /// <summary>Sets a restored value without recording a change: the store holds it already.</summary>
    internal void Restore(int slot, TKey key, TValue value) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_byKeyGroup[slot] ??= [], key, out _).Value = value;

    /// <summary>Removes a key a restored delta deletes, without recording a change (a change recorded before goes with it).</summary>
    internal void RestoreRemoval(int slot, TKey key) => RemoveEntry(slot, key);

    /// <summary>Removes the entry of <paramref name="key"/>, and its change from the count when it changed in this epoch.</summary>
    private bool RemoveEntry(int slot, TKey key)
    {
        if (_byKeyGroup[slot] is not { } map || !map.Remove(key, out var entry))
            return false;
        if (entry.Epoch == _epochs[slot])
            _changedCounts[slot]--;
        return true;
    }

    private void Touch(int slot, TKey key, ref Entry entry)
    {
        var epoch = _epochs[slot];
        if (entry.Epoch == epoch)
            return;
        entry.Epoch = epoch;
        _changedCounts[slot]++;
        if (TracksChanges)
            (_changed[slot] ??= []).Add(key);
    }

    private void NoteRemoved(int slot, TKey key)
    {
        if (TracksChanges)
            (_removed[slot] ??= []).Add(key);
    }

    /// <summary>How many keys of slot <paramref name="slot"/> changed or may have gone since its last snapshot.</summary>
    internal int ChangedIn(int slot) => _changedCounts[slot] + (_removed[slot]?.Count ?? 0);

    /// <summary>Starts a new epoch of slot <paramref name="slot"/>: what changed until now is written.</summary>
    internal void ForgetChanges(int slot)
    {
        _epochs[slot]++;
        _changedCounts[slot] = 0;
        _changed[slot]?.Clear();
        _removed[slot]?.Clear();
    }

    /// <summary>
    /// Writes the changes of slot <paramref name="slot"/> since its last snapshot: the upserts (keys changed and holding
    /// a value), then the tombstones (keys removed and not back), each key once; then starts a new epoch.
    /// </summary>
    internal void WriteChanges(int slot, BinaryWriter writer, ITypeSerializer<TKey> keys, ITypeSerializer<TValue> values)
    {
        var map = _byKeyGroup[slot];
        var epoch = _epochs[slot];
        var upserts = _changedCounts[slot];
        writer.WriteCount(upserts);
        var written = 0;
        if (map is not null && _changed[slot] is { } changed)
        {
            foreach (var key in changed)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(map, key);
                // Gone, or listed again after a removal and an add: written once.
                if (Unsafe.IsNullRef(ref entry) || entry.Epoch != epoch)
                    continue;
                keys.Serialize(key, writer);
                values.Serialize(entry.Value, writer);
                entry.Epoch = 0;
                written++;
            }
        }
        if (written != upserts)
            throw new InvalidOperationException($"State '{Name}' recorded {upserts} changed keys in a key group but found {written}: changes were made while change tracking was off.");
        // Removed keys still gone, each once (a key can be removed, added back and removed again).
        HashSet<TKey>? gone = null;
        foreach (var key in _removed[slot] ?? [])
        {
            if (map is null || !map.ContainsKey(key))
                (gone ??= []).Add(key);
        }
        writer.WriteCount(gone?.Count ?? 0);
        foreach (var key in gone ?? [])
            keys.Serialize(key, writer);
        ForgetChanges(slot);
    }

    /// <summary>Writes every key and value of slot <paramref name="slot"/> (a whole snapshot).</summary>
    internal void WriteEntries(int slot, BinaryWriter writer, ITypeSerializer<TKey> keys, ITypeSerializer<TValue> values)
    {
        var map = _byKeyGroup[slot];
        writer.WriteCount(map?.Count ?? 0);
        if (map is null)
            return;
        foreach (var (key, entry) in map)
        {
            keys.Serialize(key, writer);
            values.Serialize(entry.Value, writer);
        }
    }

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
    internal IEnumerable<KeyValuePair<TKey, TValue>> EntriesIn(int slot)
    {
        if (_byKeyGroup[slot] is not { } map)
            yield break;
        foreach (var (key, entry) in map)
            yield return new(key, entry.Value);
    }

    /// <summary>The keys and values of the key group <paramref name="keyGroup"/>.</summary>
    public IReadOnlyDictionary<TKey, TValue> KeyGroup(int keyGroup) =>
        _byKeyGroup[_groups.SlotOf(keyGroup)] is { } map ? map.ToDictionary(e => e.Key, e => e.Value.Value) : new Dictionary<TKey, TValue>();
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

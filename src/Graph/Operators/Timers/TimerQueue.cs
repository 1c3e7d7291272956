using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Timers;

/// <summary>
/// Timers of one time domain, at most one per (timestamp, key, namespace), kept per key-group slot so that a
/// key group's timers can be snapshot alone. They fire earliest first and, at equal timestamps, in the order
/// they were registered: the sequence number that orders them travels with the checkpoint, so a restored
/// subtask fires them in the same order as one that never failed. The heap knows each node's position
/// (Flink's HeapPriorityQueue), so deleting a timer removes it at once in O(log n): no stale entries pile up.
/// The heap holds each node's timestamp and sequence beside it, so sifting compares without following a pointer.
/// Changes for a checkpoint's delta are recorded without hashing (a timer is registered and fired for almost every
/// record of a windowed job): a node knows whether a snapshot holds it, registrations append the node to its slot's list,
/// and only a timer that a snapshot holds leaves a tombstone when it goes. One registered and fired between two
/// checkpoints costs the delta nothing.
/// </summary>
internal sealed class TimerQueue<TKey, TNamespace>(int slots)
{
    private Entry[] _heap = new Entry[16];
    private int _count;
    private readonly Dictionary<InternalTimer<TKey, TNamespace>, Node>?[] _bySlot = new Dictionary<InternalTimer<TKey, TNamespace>, Node>?[slots];
    private readonly List<Node>?[] _registered = new List<Node>?[slots];
    private readonly List<InternalTimer<TKey, TNamespace>>?[] _gone = new List<InternalTimer<TKey, TNamespace>>?[slots];
    private readonly int[] _unwritten = new int[slots];
    private bool _tracking;
    private long _nextSequence;

    public IEnumerable<InternalTimer<TKey, TNamespace>> All => _bySlot.Where(s => s is not null).SelectMany(s => s!.Keys);

    /// <summary>How many timers the queue holds (the heap has no other entries).</summary>
    public int Count => _count;

    public bool Add(InternalTimer<TKey, TNamespace> timer, int slot)
    {
        if (Add(timer, slot, _nextSequence) is not { } node)
            return false;
        if (_tracking)
        {
            node.Change = Change.Registered;
            (_registered[slot] ??= []).Add(node);
            _unwritten[slot]++;
        }
        return true;
    }

    public bool Remove(InternalTimer<TKey, TNamespace> timer, int slot)
    {
        if (_bySlot[slot] is not { } live || !live.Remove(timer, out var node))
            return false;
        RemoveAt(node.Index);
        Gone(node);
        return true;
    }

    /// <summary>Takes the earliest timer due at <paramref name="time"/>, with its slot.</summary>
    public bool TryPopDue(long time, out InternalTimer<TKey, TNamespace> timer, out int slot)
    {
        if (_count == 0 || _heap[0].Timestamp > time)
        {
            (timer, slot) = (default, -1);
            return false;
        }
        var head = _heap[0].Node;
        _bySlot[head.Slot]!.Remove(head.Timer);
        RemoveAt(0);
        Gone(head);
        (timer, slot) = (head.Timer, head.Slot);
        return true;
    }

    /// <summary>The timestamp of the earliest timer.</summary>
    public bool TryPeekNext(out long timestamp)
    {
        timestamp = _count == 0 ? 0 : _heap[0].Timestamp;
        return _count > 0;
    }

    /// <summary>How many timers slot <paramref name="slot"/> holds.</summary>
    public int CountIn(int slot) => _bySlot[slot]?.Count ?? 0;

    /// <summary>Writes the timers of slot <paramref name="slot"/>: count, then (timestamp, sequence, key, namespace) each.</summary>
    public void Write(int slot, BinaryWriter writer, ITypeSerializer<TKey> keys, ITypeSerializer<TNamespace> namespaces)
    {
        var live = _bySlot[slot];
        writer.WriteCount(live?.Count ?? 0);
        if (live is null)
            return;
        foreach (var (timer, node) in live)
        {
            writer.WriteVarLong(timer.Timestamp);
            writer.WriteVarLong(node.Sequence);
            keys.Serialize(timer.Key, writer);
            namespaces.Serialize(timer.Namespace, writer);
        }
    }

    /// <summary>Loads timers written by <see cref="Write"/> into slot <paramref name="slot"/>, checking each key with <paramref name="checkKey"/>.</summary>
    public void Read(int slot, BinaryReader reader, ITypeSerializer<TKey> keys, ITypeSerializer<TNamespace> namespaces, Action<TKey> checkKey)
    {
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var timestamp = reader.ReadVarLong();
            var sequence = reader.ReadVarLong();
            var key = keys.Deserialize(reader);
            checkKey(key);
            Add(new InternalTimer<TKey, TNamespace>(timestamp, key, namespaces.Deserialize(reader)), slot, sequence);
        }
    }

    /// <summary>Starts recording which timers are added and removed (from the backend's first snapshot on).</summary>
    public void TrackChanges() => _tracking = true;

    /// <summary>How many timers of slot <paramref name="slot"/> a delta would write: registered since its last snapshot, or gone from it.</summary>
    public int ChangedIn(int slot) => _unwritten[slot] + (_gone[slot]?.Count ?? 0);

    /// <summary>Slot <paramref name="slot"/> was written whole: every timer it holds is in a snapshot now.</summary>
    public void ClearChanges(int slot)
    {
        if (_bySlot[slot] is { } live)
        {
            foreach (var node in live.Values)
                node.Change = Change.Written;
        }
        Forget(slot);
    }

    /// <summary>
    /// Writes the changed timers of slot <paramref name="slot"/> and forgets them: count, then (timestamp, sequence, key,
    /// namespace) of each registered since the last snapshot; count, then (timestamp, key, namespace) of each that a
    /// snapshot holds and that is gone (unless registered again: its new registration replaces it).
    /// </summary>
    public void WriteChanges(int slot, BinaryWriter writer, ITypeSerializer<TKey> keys, ITypeSerializer<TNamespace> namespaces)
    {
        writer.WriteCount(_unwritten[slot]);
        foreach (var node in _registered[slot] ?? [])
        {
            if (node.Index < 0 || node.Change != Change.Registered)
                continue;
            node.Change = Change.Written;
            writer.WriteVarLong(node.Timer.Timestamp);
            writer.WriteVarLong(node.Sequence);
            keys.Serialize(node.Timer.Key, writer);
            namespaces.Serialize(node.Timer.Namespace, writer);
        }
        var live = _bySlot[slot];
        var gone = _gone[slot] ?? [];
        var tombstones = 0;
        foreach (var timer in gone)
            tombstones += live?.ContainsKey(timer) == true ? 0 : 1;
        writer.WriteCount(tombstones);
        foreach (var timer in gone)
        {
            if (live?.ContainsKey(timer) == true)
                continue;
            writer.WriteVarLong(timer.Timestamp);
            keys.Serialize(timer.Key, writer);
            namespaces.Serialize(timer.Namespace, writer);
        }
        Forget(slot);
    }

    /// <summary>A timer left the queue: a snapshot that holds it needs a tombstone; one that never made it into a snapshot is just not written.</summary>
    private void Gone(Node node)
    {
        node.Index = -1;
        if (node.Change == Change.Written)
            (_gone[node.Slot] ??= []).Add(node.Timer);
        else if (node.Change == Change.Registered)
            _unwritten[node.Slot]--;
    }

    private void Forget(int slot)
    {
        _registered[slot]?.Clear();
        _gone[slot]?.Clear();
        _unwritten[slot] = 0;
    }

    /// <summary>Applies changes written by <see cref="WriteChanges"/> to slot <paramref name="slot"/>, checking each key with <paramref name="checkKey"/>.</summary>
    public void ReadChanges(int slot, BinaryReader reader, ITypeSerializer<TKey> keys, ITypeSerializer<TNamespace> namespaces, Action<TKey> checkKey)
    {
        var upserts = reader.ReadCount();
        for (var i = 0; i < upserts; i++)
        {
            var timestamp = reader.ReadVarLong();
            var sequence = reader.ReadVarLong();
            var key = keys.Deserialize(reader);
            checkKey(key);
            var timer = new InternalTimer<TKey, TNamespace>(timestamp, key, namespaces.Deserialize(reader));
            // Deleted and registered again since the base: the new registration's sequence orders it.
            RemoveQuietly(timer, slot);
            Add(timer, slot, sequence);
        }
        var tombstones = reader.ReadCount();
        for (var i = 0; i < tombstones; i++)
        {
            var timestamp = reader.ReadVarLong();
            var key = keys.Deserialize(reader);
            checkKey(key);
            RemoveQuietly(new InternalTimer<TKey, TNamespace>(timestamp, key, namespaces.Deserialize(reader)), slot);
        }
    }

    private void RemoveQuietly(InternalTimer<TKey, TNamespace> timer, int slot)
    {
        if (_bySlot[slot] is { } live && live.Remove(timer, out var node))
        {
            RemoveAt(node.Index);
            node.Index = -1;
        }
    }

    private Node? Add(InternalTimer<TKey, TNamespace> timer, int slot, long sequence)
    {
        var live = _bySlot[slot] ??= [];
        if (live.ContainsKey(timer))
            return null;
        var node = new Node(timer, slot, sequence) { Index = _count };
        live.Add(timer, node);
        if (_count == _heap.Length)
            Array.Resize(ref _heap, _count * 2);
        _heap[_count++] = new Entry(node);
        SiftUp(node.Index);
        _nextSequence = Math.Max(_nextSequence, sequence + 1);
        return node;
    }

    private void RemoveAt(int index)
    {
        var last = --_count;
        if (index != last)
        {
            Place(_heap[last], index);
            _heap[last] = default;
            if (!SiftUp(index))
                SiftDown(index);
        }
        else
        {
            _heap[last] = default;
        }
    }

    private bool SiftUp(int index)
    {
        var node = _heap[index];
        var start = index;
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(node, _heap[parent]))
                break;
            Place(_heap[parent], index);
            index = parent;
        }
        Place(node, index);
        return index != start;
    }

    private void SiftDown(int index)
    {
        var node = _heap[index];
        var count = _count;
        while (true)
        {
            var child = 2 * index + 1;
            if (child >= count)
                break;
            if (child + 1 < count && Before(_heap[child + 1], _heap[child]))
                child++;
            if (!Before(_heap[child], node))
                break;
            Place(_heap[child], index);
            index = child;
        }
        Place(node, index);
    }

    private void Place(Entry entry, int index)
    {
        _heap[index] = entry;
        entry.Node.Index = index;
    }

    // Sequences can repeat only across key groups restored from different subtasks, whose relative order no run fixed.
    private static bool Before(in Entry a, in Entry b) => a.Timestamp < b.Timestamp || (a.Timestamp == b.Timestamp && a.Sequence < b.Sequence);

    /// <summary>A heap slot: the node with the two fields the heap orders by.</summary>
    private readonly struct Entry(Node node)
    {
        public long Timestamp { get; } = node.Timer.Timestamp;
        public long Sequence { get; } = node.Sequence;
        public Node Node { get; } = node;
    }

    private sealed class Node(InternalTimer<TKey, TNamespace> timer, int slot, long sequence)
    {
        public InternalTimer<TKey, TNamespace> Timer { get; } = timer;
        public int Slot { get; } = slot;
        public long Sequence { get; } = sequence;
        /// <summary>The position in the heap; -1 once the timer left the queue.</summary>
        public int Index { get; set; }

        /// <summary>What the next delta needs of this registration.</summary>
        public Change Change { get; set; }
    }

    private enum Change : byte
    {
        /// <summary>Registered before changes were tracked: the slot's next snapshot is a whole one.</summary>
        Untracked,

        /// <summary>Registered since the slot's last snapshot: the next delta writes it.</summary>
        Registered,

        /// <summary>A snapshot holds it: it leaves a tombstone when it goes.</summary>
        Written,
    }
}

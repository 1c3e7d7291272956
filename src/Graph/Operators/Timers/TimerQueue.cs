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
/// </summary>
internal sealed class TimerQueue<TKey, TNamespace>(int slots)
{
    private Entry[] _heap = new Entry[16];
    private int _count;
    private readonly Dictionary<InternalTimer<TKey, TNamespace>, Node>?[] _bySlot = new Dictionary<InternalTimer<TKey, TNamespace>, Node>?[slots];
    private readonly KeyChanges<InternalTimer<TKey, TNamespace>> _changes = new(slots);
    private long _nextSequence;

    public IEnumerable<InternalTimer<TKey, TNamespace>> All => _bySlot.Where(s => s is not null).SelectMany(s => s!.Keys);

    /// <summary>How many timers the queue holds (the heap has no other entries).</summary>
    public int Count => _count;

    public bool Add(InternalTimer<TKey, TNamespace> timer, int slot)
    {
        if (!Add(timer, slot, _nextSequence))
            return false;
        _changes.Mark(slot, timer);
        return true;
    }

    public bool Remove(InternalTimer<TKey, TNamespace> timer, int slot)
    {
        if (_bySlot[slot] is not { } live || !live.Remove(timer, out var node))
            return false;
        RemoveAt(node.Index);
        _changes.Mark(slot, timer);
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
        _changes.Mark(head.Slot, head.Timer);
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
    public void TrackChanges() => _changes.Enabled = true;

    /// <summary>How many timers of slot <paramref name="slot"/> were added or removed since its last snapshot.</summary>
    public int ChangedIn(int slot) => _changes.CountIn(slot);

    /// <summary>Forgets the changes of slot <paramref name="slot"/>.</summary>
    public void ClearChanges(int slot) => _changes.Clear(slot);

    /// <summary>
    /// Writes the changed timers of slot <paramref name="slot"/> and forgets them: count, then (timestamp, sequence, key,
    /// namespace) of each that is registered now; count, then (timestamp, key, namespace) of each that is gone.
    /// </summary>
    public void WriteChanges(int slot, BinaryWriter writer, ITypeSerializer<TKey> keys, ITypeSerializer<TNamespace> namespaces)
    {
        var changed = _changes.In(slot);
        var live = _bySlot[slot];
        var upserts = 0;
        foreach (var timer in changed)
            upserts += live?.ContainsKey(timer) == true ? 1 : 0;
        writer.WriteCount(upserts);
        foreach (var timer in changed)
        {
            if (live is null || !live.TryGetValue(timer, out var node))
                continue;
            writer.WriteVarLong(timer.Timestamp);
            writer.WriteVarLong(node.Sequence);
            keys.Serialize(timer.Key, writer);
            namespaces.Serialize(timer.Namespace, writer);
        }
        writer.WriteCount(changed.Count - upserts);
        foreach (var timer in changed)
        {
            if (live?.ContainsKey(timer) == true)
                continue;
            writer.WriteVarLong(timer.Timestamp);
            keys.Serialize(timer.Key, writer);
            namespaces.Serialize(timer.Namespace, writer);
        }
        _changes.Clear(slot);
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
            RemoveAt(node.Index);
    }

    private bool Add(InternalTimer<TKey, TNamespace> timer, int slot, long sequence)
    {
        var live = _bySlot[slot] ??= [];
        if (live.ContainsKey(timer))
            return false;
        var node = new Node(timer, slot, sequence) { Index = _count };
        live.Add(timer, node);
        if (_count == _heap.Length)
            Array.Resize(ref _heap, _count * 2);
        _heap[_count++] = new Entry(node);
        SiftUp(node.Index);
        _nextSequence = Math.Max(_nextSequence, sequence + 1);
        return true;
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
        public int Index { get; set; }
    }
}

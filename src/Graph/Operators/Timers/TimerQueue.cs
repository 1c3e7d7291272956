using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Operators.Timers;

/// <summary>
/// Timers of one time domain, at most one per (timestamp, key, namespace), kept per key-group slot so that a
/// key group's timers can be snapshot alone. They fire earliest first and, at equal timestamps, in the order
/// they were registered: the sequence number that orders them travels with the checkpoint, so a restored
/// subtask fires them in the same order as one that never failed. Deletion is lazy: a deleted timer stays in
/// the heap until it surfaces and is skipped.
/// </summary>
internal sealed class TimerQueue<TKey, TNamespace>(int slots)
{
    private readonly PriorityQueue<Entry, (long Timestamp, long Sequence)> _heap = new();
    // Live timers by slot, each with the sequence of its heap entry (an older entry of a re-added timer is stale).
    private readonly Dictionary<InternalTimer<TKey, TNamespace>, long>?[] _bySlot = new Dictionary<InternalTimer<TKey, TNamespace>, long>?[slots];
    private long _nextSequence;

    public IEnumerable<InternalTimer<TKey, TNamespace>> All => _bySlot.Where(s => s is not null).SelectMany(s => s!.Keys);

    public bool Add(InternalTimer<TKey, TNamespace> timer, int slot) => Add(timer, slot, _nextSequence);

    public bool Remove(InternalTimer<TKey, TNamespace> timer, int slot) => _bySlot[slot]?.Remove(timer) == true;

    /// <summary>Takes the earliest live timer due at <paramref name="time"/>, with its slot.</summary>
    public bool TryPopDue(long time, out InternalTimer<TKey, TNamespace> timer, out int slot)
    {
        while (_heap.TryPeek(out var entry, out var priority) && priority.Timestamp <= time)
        {
            _heap.Dequeue();
            if (!IsLive(entry))
                continue;
            _bySlot[entry.Slot]!.Remove(entry.Timer);
            (timer, slot) = (entry.Timer, entry.Slot);
            return true;
        }
        (timer, slot) = (default, -1);
        return false;
    }

    /// <summary>The timestamp of the earliest live timer.</summary>
    public bool TryPeekNext(out long timestamp)
    {
        while (_heap.TryPeek(out var entry, out var priority))
        {
            timestamp = priority.Timestamp;
            if (IsLive(entry))
                return true;
            _heap.Dequeue();
        }
        timestamp = 0;
        return false;
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
        foreach (var (timer, sequence) in live)
        {
            writer.WriteVarLong(timer.Timestamp);
            writer.WriteVarLong(sequence);
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

    private bool Add(InternalTimer<TKey, TNamespace> timer, int slot, long sequence)
    {
        if (!(_bySlot[slot] ??= []).TryAdd(timer, sequence))
            return false;
        _heap.Enqueue(new Entry(timer, slot, sequence), (timer.Timestamp, sequence));
        _nextSequence = Math.Max(_nextSequence, sequence + 1);
        return true;
    }

    private bool IsLive(Entry entry) =>
        _bySlot[entry.Slot] is { } live && live.TryGetValue(entry.Timer, out var sequence) && sequence == entry.Sequence;

    private readonly record struct Entry(InternalTimer<TKey, TNamespace> Timer, int Slot, long Sequence);
}

namespace ActorStream.Graph.Operators.Timers;

/// <summary>
/// Timers of one time domain, earliest first, at most one per (timestamp, key, namespace).
/// Deletion is lazy: a deleted timer stays in the heap until it surfaces and is skipped.
/// </summary>
internal sealed class TimerQueue<TKey, TNamespace>
{
    private readonly PriorityQueue<InternalTimer<TKey, TNamespace>, long> _heap = new();
    private readonly HashSet<InternalTimer<TKey, TNamespace>> _live = [];

    public int Count => _live.Count;

    public IEnumerable<InternalTimer<TKey, TNamespace>> All => _live;

    public bool Add(InternalTimer<TKey, TNamespace> timer)
    {
        if (!_live.Add(timer))
            return false;
        _heap.Enqueue(timer, timer.Timestamp);
        return true;
    }

    public void Remove(InternalTimer<TKey, TNamespace> timer) => _live.Remove(timer);

    /// <summary>Takes the earliest live timer due at <paramref name="time"/>.</summary>
    public bool TryPopDue(long time, out InternalTimer<TKey, TNamespace> timer)
    {
        while (_heap.TryPeek(out timer, out var due) && due <= time)
        {
            _heap.Dequeue();
            if (_live.Remove(timer))
                return true;
        }
        timer = default;
        return false;
    }

    /// <summary>The timestamp of the earliest live timer.</summary>
    public bool TryPeekNext(out long timestamp)
    {
        while (_heap.TryPeek(out var timer, out timestamp))
        {
            if (_live.Contains(timer))
                return true;
            _heap.Dequeue();
        }
        return false;
    }
}

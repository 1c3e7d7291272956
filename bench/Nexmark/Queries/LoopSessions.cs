namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Per-key session windows for the hand-written baselines (the loop and Akka.Streams): sessions that touch merge, as
/// TimeWindow.Intersects and Flink's session windows do; a session fires when the watermark reaches its max timestamp.
/// </summary>
public sealed class LoopSessions(long gap)
{
    private readonly Dictionary<long, List<LoopSession>> _open = [];
    // Sessions by max timestamp (end - 1) when queued; a merged-away session is skipped when it comes up.
    private readonly PriorityQueue<(long Key, LoopSession Session), long> _timers = new();

    /// <summary>The session gap in milliseconds.</summary>
    public long Gap => gap;

    /// <summary>Adds an element of <paramref name="key"/> at <paramref name="timestamp"/>, merging the sessions it touches.</summary>
    public void Add(long key, long timestamp)
    {
        if (!_open.TryGetValue(key, out var sessions))
            _open[key] = sessions = [];
        var session = new LoopSession(timestamp, timestamp + gap, 1);
        for (var k = sessions.Count - 1; k >= 0; k--)
        {
            var other = sessions[k];
            if (other.Start <= session.End && other.End >= session.Start)
            {
                session = new LoopSession(Math.Min(other.Start, session.Start), Math.Max(other.End, session.End), other.Count + session.Count);
                sessions.RemoveAt(k);
            }
        }
        sessions.Add(session);
        _timers.Enqueue((key, session), session.End - 1);
    }

    /// <summary>Fires, earliest first, every open session whose max timestamp is at or before <paramref name="watermark"/>.</summary>
    public void FireUpTo(long watermark, Action<long, LoopSession> fire)
    {
        while (_timers.TryPeek(out var due, out var time) && time <= watermark)
        {
            _timers.Dequeue();
            if (_open.TryGetValue(due.Key, out var sessions) && sessions.Remove(due.Session))
            {
                fire(due.Key, due.Session);
                if (sessions.Count == 0)
                    _open.Remove(due.Key);
            }
        }
    }
}

/// <summary>An open session of a baseline; compared by reference, so a merged-away one is no longer found.</summary>
public sealed class LoopSession(long start, long end, long count)
{
    /// <summary>The session's start (its first element's timestamp).</summary>
    public long Start { get; } = start;

    /// <summary>The session's end (exclusive): last element + gap.</summary>
    public long End { get; } = end;

    /// <summary>The number of elements.</summary>
    public long Count { get; } = count;
}

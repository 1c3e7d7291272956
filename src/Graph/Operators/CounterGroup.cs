namespace ActorStream.Graph.Operators;

/// <summary>The named counters of one subtask. Single-threaded: only the subtask's actor touches it.</summary>
public sealed class CounterGroup
{
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>The counter named <paramref name="name"/>, created on first use.</summary>
    public ICounter Get(string name)
    {
        if (!_counters.TryGetValue(name, out var counter))
            _counters.Add(name, counter = new Counter());
        return counter;
    }

    /// <summary>A copy of every counter's value.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => _counters.ToDictionary(kv => kv.Key, kv => kv.Value.Count);

    private sealed class Counter : ICounter
    {
        public long Count { get; private set; }

        public void Add(long delta = 1) => Count += delta;
    }
}

namespace ActorStream.Actors.State;

/// <summary>
/// One key group's state as written at one checkpoint: the whole key group (<paramref name="BasedOn"/> 0) or a delta
/// onto the entry of checkpoint <paramref name="BasedOn"/>.
/// </summary>
public sealed record KeyGroupEntry(long CheckpointId, byte[] Data, bool Retained, long BasedOn = 0)
{
    /// <summary>True when <see cref="Data"/> holds the changes since the entry of <see cref="BasedOn"/>.</summary>
    public bool IsDelta => BasedOn != 0;
}

/// <summary>
/// The durable history of one key group: the blob written at each checkpoint that touched it, each either whole (a
/// base) or a delta onto an earlier entry. A restore "as of N" takes the newest entry at or before N and, when it is a
/// delta, the entries it is based on back to a base; so entries of checkpoints that never completed are ignored, and
/// every run starts with a whole write whose id is above all earlier ids, so they never shadow it either. Pruning keeps
/// what a restore can still ask for: savepoints (retained), the chain of the newest entry at or before the latest
/// completed checkpoint, everything newer, and whatever those are based on.
/// </summary>
public sealed class KeyGroupHistory
{
    private readonly List<KeyGroupEntry> _entries = [];

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<KeyGroupEntry> Entries => _entries;

    /// <summary>Replaces the history (recovery from a snapshot).</summary>
    public void Reset(IEnumerable<KeyGroupEntry> entries)
    {
        _entries.Clear();
        _entries.AddRange(entries.OrderBy(e => e.CheckpointId));
    }

    /// <summary>Adds the state written at a checkpoint, replacing what an earlier attempt wrote under the same or a later id.</summary>
    public void Add(KeyGroupEntry entry, long latestCompleted)
    {
        _entries.RemoveAll(e => e.CheckpointId >= entry.CheckpointId);
        _entries.Add(entry);
        Prune(latestCompleted);
    }

    /// <summary>Applies a persisted write (on recovery and on a direct read of the store alike).</summary>
    public void Add(KeyGroupStateStored stored) =>
        Add(new KeyGroupEntry(stored.CheckpointId, stored.Data, stored.Retained, stored.BasedOn), stored.LatestCompleted);

    /// <summary>The newest entry written at or before checkpoint <paramref name="checkpointId"/>, or null.</summary>
    public KeyGroupEntry? AsOf(long checkpointId)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].CheckpointId <= checkpointId)
                return _entries[i];
        }
        return null;
    }

    /// <summary>The newest entry written before checkpoint <paramref name="checkpointId"/> (what a delta of it must be based on), or null.</summary>
    public KeyGroupEntry? Before(long checkpointId) => AsOf(checkpointId - 1);

    /// <summary>
    /// The entries that make up the state as of checkpoint <paramref name="checkpointId"/>, base first, or null when there is
    /// none; throws <see cref="InvalidDataException"/> when an entry it needs is missing.
    /// </summary>
    public IReadOnlyList<KeyGroupEntry>? ChainAsOf(long checkpointId) => AsOf(checkpointId) is { } newest ? ChainOf(newest) : null;

    /// <summary>Drops entries no restore can ask for once <paramref name="latestCompleted"/> is the latest completed checkpoint.</summary>
    public void Prune(long latestCompleted)
    {
        var keep = new HashSet<KeyGroupEntry>(ReferenceEqualityComparer.Instance);
        if (ChainAsOf(latestCompleted) is { } restorable)
            keep.UnionWith(restorable);
        foreach (var entry in _entries)
        {
            if (entry.Retained || entry.CheckpointId >= latestCompleted)
                keep.UnionWith(ChainOf(entry));
        }
        _entries.RemoveAll(e => !keep.Contains(e));
    }

    private List<KeyGroupEntry> ChainOf(KeyGroupEntry newest)
    {
        var chain = new List<KeyGroupEntry> { newest };
        for (var entry = newest; entry.IsDelta;)
        {
            var basedOn = entry.BasedOn;
            entry = _entries.Find(e => e.CheckpointId == basedOn) ?? throw new InvalidDataException(
                $"The delta written at checkpoint {chain[^1].CheckpointId} is based on checkpoint {basedOn}, which this key group's history does not hold.");
            chain.Add(entry);
        }
        chain.Reverse();
        return chain;
    }
}

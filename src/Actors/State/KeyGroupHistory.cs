namespace ActorStream.Actors.State;

/// <summary>One key group's state as written at one checkpoint.</summary>
public sealed record KeyGroupEntry(long CheckpointId, byte[] Data, bool Retained);

/// <summary>
/// The durable history of one key group: the blob written at each checkpoint that touched it.
/// A restore "as of N" takes the newest entry at or before N, so entries of checkpoints that never
/// completed are ignored; every run starts with a full checkpoint whose id is above all earlier ids,
/// so they never shadow it either. Pruning keeps what a restore can still ask for: savepoints
/// (retained), the newest entry at or before the latest completed checkpoint, and everything newer.
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
        Add(new KeyGroupEntry(stored.CheckpointId, stored.Data, stored.Retained), stored.LatestCompleted);

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

    /// <summary>Drops entries no restore can ask for once <paramref name="latestCompleted"/> is the latest completed checkpoint.</summary>
    public void Prune(long latestCompleted)
    {
        var newestCompleted = AsOf(latestCompleted);
        _entries.RemoveAll(e => !e.Retained && e.CheckpointId < latestCompleted && !ReferenceEquals(e, newestCompleted));
    }
}

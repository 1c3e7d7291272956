using ActorStream.Graph.State;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// What a subtask wrote last to each of its key-group entities in this run: the checkpoint (a delta must be based on
/// it) and the sizes of the base and the deltas after it. A key group is written whole again (compacted) once its
/// deltas would outweigh its base, so that a restore reads at most about twice the key group's size.
/// </summary>
internal sealed class KeyGroupChains
{
    private readonly Dictionary<string, Chain> _byEntity = new(StringComparer.Ordinal);

    /// <summary>
    /// Snapshots <paramref name="keyGroup"/> for checkpoint <paramref name="checkpointId"/>: a delta when the entity holds a
    /// write of this run to base it on and the chain stays within its bound, else the whole key group (always for a savepoint,
    /// which must not depend on checkpoints that pruning may drop). Returns the blob and the checkpoint it is based on (0: whole).
    /// </summary>
    public (byte[] Data, long BasedOn) Snapshot(string entityId, IKeyedStateSnapshots snapshots, int keyGroup, long checkpointId, bool whole)
    {
        if (!whole && _byEntity.TryGetValue(entityId, out var chain)
            && snapshots.SnapshotKeyGroupChanges(keyGroup) is { } delta
            && chain.DeltaBytes + delta.Length <= chain.BaseBytes)
        {
            var basedOn = chain.LastWritten;
            chain.LastWritten = checkpointId;
            chain.DeltaBytes += delta.Length;
            return (delta, basedOn);
        }
        var data = snapshots.SnapshotKeyGroup(keyGroup);
        _byEntity[entityId] = new Chain(snapshots, keyGroup) { LastWritten = checkpointId, BaseBytes = data.Length };
        return (data, 0);
    }

    /// <summary>
    /// The write to <paramref name="entityId"/> may not have become durable (its checkpoint was aborted before the entity
    /// confirmed it): nothing may be based on it, so the key group's next snapshot is whole.
    /// </summary>
    public void Unconfirmed(string entityId)
    {
        if (_byEntity.Remove(entityId, out var chain))
            chain.Snapshots.MarkForWholeSnapshot(chain.KeyGroup);
    }

    /// <summary>Forgets every chain (the next snapshot of every key group is whole).</summary>
    public void Clear() => _byEntity.Clear();

    private sealed class Chain(IKeyedStateSnapshots snapshots, int keyGroup)
    {
        public IKeyedStateSnapshots Snapshots { get; } = snapshots;

        public int KeyGroup { get; } = keyGroup;

        public long LastWritten { get; set; }

        public long BaseBytes { get; init; }

        public long DeltaBytes { get; set; }
    }
}

using ActorStream.Graph.Keys;

namespace ActorStream.Graph.State;

/// <summary>
/// The keyed state of one operator subtask (all state kinds and timers) as the runtime sees it at
/// a checkpoint: one opaque blob per key group (whole, or the changes since its previous snapshot), so that a
/// checkpoint writes only what changed and a restore with another parallelism just re-assigns whole key groups.
/// </summary>
public interface IKeyedStateSnapshots
{
    /// <summary>The key groups this subtask owns.</summary>
    KeyGroupRange KeyGroups { get; }

    /// <summary>True when the key group changed (state or timers) since its last snapshot or restore.</summary>
    bool IsDirty(int keyGroup);

    /// <summary>Marks every owned key group changed, so the next checkpoint writes them all whole (a full checkpoint).</summary>
    void MarkAllDirty();

    /// <summary>Marks the key group changed, so that its next snapshot is whole (its previous one may be lost).</summary>
    void MarkForWholeSnapshot(int keyGroup);

    /// <summary>Serializes the key group's state and timers whole, and clears its dirty flag. An empty key group yields a valid (small) blob.</summary>
    byte[] SnapshotKeyGroup(int keyGroup);

    /// <summary>
    /// Serializes only what changed in the key group since its previous snapshot (values of the keys and timers written,
    /// tombstones for those removed, expired or fired), a delta to apply onto that snapshot, and clears its dirty flag.
    /// Returns null (the key group stays dirty) when a whole snapshot is due instead: the key group was never snapshot whole, was
    /// marked by <see cref="MarkAllDirty"/>, or changed so much that the whole is about as small.
    /// </summary>
    byte[]? SnapshotKeyGroupChanges(int keyGroup);

    /// <summary>
    /// Loads a blob written by <see cref="SnapshotKeyGroup"/> (possibly by a subtask with another
    /// parallelism), or applies a delta written by <see cref="SnapshotKeyGroupChanges"/> onto the blobs loaded before
    /// it: a key group's base, then its deltas in order. Called before the operator opens; states that the operator
    /// registers later pick their restored values up then.
    /// </summary>
    void RestoreKeyGroup(int keyGroup, ReadOnlySpan<byte> data);
}

using ActorStream.Graph.Keys;

namespace ActorStream.Graph.State;

/// <summary>
/// The keyed state of one operator subtask (all state kinds and timers) as the runtime sees it at
/// a checkpoint: one opaque blob per key group, so that a checkpoint writes only the key groups
/// that changed and a restore with another parallelism just re-assigns whole key groups.
/// </summary>
public interface IKeyedStateSnapshots
{
    /// <summary>The key groups this subtask owns.</summary>
    KeyGroupRange KeyGroups { get; }

    /// <summary>True when the key group changed (state or timers) since its last snapshot or restore.</summary>
    bool IsDirty(int keyGroup);

    /// <summary>Marks every owned key group changed, so the next checkpoint writes them all (a full checkpoint).</summary>
    void MarkAllDirty();

    /// <summary>Serializes the key group's state and timers, and clears its dirty flag. An empty key group yields a valid (small) blob.</summary>
    byte[] SnapshotKeyGroup(int keyGroup);

    /// <summary>
    /// Loads a blob written by <see cref="SnapshotKeyGroup"/> (possibly by a subtask with another
    /// parallelism). Called before the operator opens; states that the operator registers later
    /// pick their restored values up then.
    /// </summary>
    void RestoreKeyGroup(int keyGroup, ReadOnlySpan<byte> data);
}

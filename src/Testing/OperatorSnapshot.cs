using ActorStream.Graph;
using ActorStream.Graph.Operators;

namespace ActorStream.Testing;

/// <summary>
/// What one operator subtask wrote at a checkpoint, as the runtime stores it: its operator state and one
/// blob per key group (all owned key groups, or only the dirty ones for an incremental checkpoint).
/// </summary>
public sealed record OperatorSnapshot(long CheckpointId, byte[]? OperatorState, IReadOnlyDictionary<int, byte[]> KeyGroups)
{
    /// <summary>Takes the snapshot of <paramref name="op"/> at checkpoint <paramref name="checkpointId"/>, as a subtask does at a barrier.</summary>
    public static OperatorSnapshot Take(IStreamOperator op, long checkpointId, bool onlyDirty = false)
    {
        var operatorState = op.SnapshotOperatorState(checkpointId);
        Dictionary<int, byte[]> keyGroups = [];
        if (op.KeyedStateSnapshots is { } keyed)
        {
            foreach (var keyGroup in keyed.KeyGroups.KeyGroups)
            {
                if (!onlyDirty || keyed.IsDirty(keyGroup))
                    keyGroups[keyGroup] = keyed.SnapshotKeyGroup(keyGroup);
            }
        }
        return new OperatorSnapshot(checkpointId, operatorState, keyGroups);
    }

    /// <summary>
    /// Restores <paramref name="op"/> (set up, not opened) from the snapshots of the previous run's subtasks, as the
    /// runtime does: each key group the subtask now owns from the snapshot that holds it (a later snapshot in the
    /// list replaces an earlier one, as an incremental checkpoint does), every operator state as a union list, then
    /// every key group marked dirty so that the first checkpoint after the restore is full.
    /// </summary>
    public static void Restore(IStreamOperator op, IEnumerable<OperatorSnapshot> snapshots)
    {
        var all = snapshots.ToList();
        if (op.KeyedStateSnapshots is { } keyed)
        {
            foreach (var keyGroup in keyed.KeyGroups.KeyGroups)
            {
                if (all.LastOrDefault(s => s.KeyGroups.ContainsKey(keyGroup)) is { } holder)
                    keyed.RestoreKeyGroup(keyGroup, holder.KeyGroups[keyGroup]);
            }
        }
        op.InitializeOperatorState([.. all.Where(s => s.OperatorState is not null).Select(s => s.OperatorState!)]);
        op.KeyedStateSnapshots?.MarkAllDirty();
    }

    /// <summary>This snapshot with the key groups of the later, incremental <paramref name="newer"/> laid over it.</summary>
    public OperatorSnapshot Then(OperatorSnapshot newer)
    {
        var keyGroups = new Dictionary<int, byte[]>(KeyGroups);
        foreach (var (keyGroup, blob) in newer.KeyGroups)
            keyGroups[keyGroup] = blob;
        return new OperatorSnapshot(newer.CheckpointId, newer.OperatorState, keyGroups);
    }
}

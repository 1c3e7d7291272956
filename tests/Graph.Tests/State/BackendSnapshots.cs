using ActorStream.Graph.Keys;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.State;

/// <summary>Backends of subtasks and whole-backend snapshots for the keyed-state checkpoint tests.</summary>
internal static class BackendSnapshots
{
    /// <summary>The backend of subtask <paramref name="subtaskIndex"/> of <paramref name="parallelism"/>.</summary>
    public static HeapKeyedStateBackend<TKey> Backend<TKey>(int parallelism = 1, int subtaskIndex = 0, int maxParallelism = 128) where TKey : notnull =>
        new(new KeyGroupRangeInfo(KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), maxParallelism));

    /// <summary>Every key group's blob (or only the dirty ones).</summary>
    public static Dictionary<int, byte[]> SnapshotAll(IKeyedStateSnapshots backend, bool onlyDirty = false) =>
        backend.KeyGroups.KeyGroups.Where(kg => !onlyDirty || backend.IsDirty(kg)).ToDictionary(kg => kg, backend.SnapshotKeyGroup);

    /// <summary>Loads into <paramref name="backend"/> the blobs of the key groups it owns.</summary>
    public static TBackend RestoreFrom<TBackend>(this TBackend backend, IReadOnlyDictionary<int, byte[]> blobs) where TBackend : IKeyedStateSnapshots
    {
        foreach (var keyGroup in backend.KeyGroups.KeyGroups)
        {
            if (blobs.TryGetValue(keyGroup, out var blob))
                backend.RestoreKeyGroup(keyGroup, blob);
        }
        return backend;
    }

    /// <summary>The key groups that are dirty.</summary>
    public static List<int> DirtyKeyGroups(IKeyedStateSnapshots backend) => [.. backend.KeyGroups.KeyGroups.Where(backend.IsDirty)];

    /// <summary>The key group of <paramref name="key"/> with 128 key groups.</summary>
    public static int KeyGroupOf<TKey>(TKey key) => KeyGroupRangeAssignment.AssignToKeyGroup(key, 128);
}

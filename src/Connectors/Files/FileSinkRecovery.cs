using ActorStream.Graph;

namespace ActorStream.Connectors.Files;

/// <summary>
/// Readies a file sink subtask for two-phase commit: deletes the hidden parts that earlier attempts
/// left behind and no checkpoint still needs, and finds the part counters that keep visible names unique.
/// </summary>
internal static class FileSinkRecovery
{
    /// <summary>
    /// Recovers subtask <paramref name="subtask"/> of <paramref name="parallelism"/> in
    /// <paramref name="directory"/> and returns its part counters; its own index is always among them.
    /// </summary>
    public static Dictionary<int, int> Recover(string directory, PartFileNaming naming, int subtask, int parallelism,
        TwoPhaseCommitRestore<FilePartCommittable> restore)
    {
        var restored = PartCounters.Read(restore.WriterStates);
        // Other subtasks may be committing these right now: they are neither stale nor ours to touch.
        var inFlight = restore.Committables.Select(c => c.PendingFileName).ToHashSet(StringComparer.Ordinal);
        var next = restored.GetValueOrDefault(subtask);
        foreach (var committable in restore.Committables)
        {
            if (naming.TryParseFinal(committable.FinalFileName, out var index, out var part) && index == subtask)
                next = Math.Max(next, part + 1);
        }
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (naming.TryParseHidden(name, out var index, out var part))
            {
                // Subtask j cleans the hidden parts of indices s with s mod p = j: no two subtasks clean the same
                // file, and none cleans a part another subtask of this run writes (those carry that subtask's index).
                if (index % parallelism == subtask && !inFlight.Contains(name))
                    File.Delete(path);
                else if (index == subtask)
                    next = Math.Max(next, part + 1);
            }
            else if (naming.TryParseFinal(name, out index, out part) && index == subtask)
            {
                // A part committed by a later checkpoint than the restored one (or by another run) keeps its name.
                next = Math.Max(next, part + 1);
            }
        }
        var counters = restored.Where(c => c.Key % parallelism == subtask).ToDictionary();
        counters[subtask] = next;
        return counters;
    }
}

namespace ActorStream.Graph;

/// <summary>
/// Writes one subtask's records into transactions that a checkpoint closes. The sink operator never
/// calls <see cref="ISinkWriter{T}.Flush"/> with endOfInput true on it: the end of the input is a
/// last <see cref="PrepareCommit"/> instead.
/// </summary>
public interface ITwoPhaseCommitWriter<in T, TCommittable> : ISinkWriter<T>
{
    /// <summary>
    /// Closes the open transaction at checkpoint barrier <paramref name="checkpointId"/>
    /// (<see cref="long.MaxValue"/> at the end of the input) and returns what must be committed once
    /// that checkpoint completes; nothing of it may be visible before. Later writes go to a new transaction.
    /// </summary>
    IReadOnlyList<TCommittable> PrepareCommit(long checkpointId);

    /// <summary>The writer's own state beyond its committables (e.g. a part counter), taken right after <see cref="PrepareCommit"/>; null for none.</summary>
    byte[]? SnapshotState(long checkpointId) => null;
}

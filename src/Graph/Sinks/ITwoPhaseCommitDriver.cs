namespace ActorStream.Graph.Sinks;

/// <summary>The committable-agnostic view of a two-phase-commit sink that the sink operator drives.</summary>
internal interface ITwoPhaseCommitDriver<in T> : IDisposable
{
    /// <summary>Reads the restored operator states and commits this subtask's share of their committables.</summary>
    void Restore(IReadOnlyList<byte[]> restored);

    /// <summary>Creates the writer from the restored state.</summary>
    ISinkWriter<T> CreateWriter();

    /// <summary>Prepares the writer's transaction for checkpoint <paramref name="checkpointId"/>; returns the operator state.</summary>
    byte[] Snapshot(long checkpointId);

    /// <summary>Commits everything prepared at or before <paramref name="checkpointId"/>.</summary>
    void NotifyCheckpointComplete(long checkpointId);

    /// <summary>Prepares the last transaction and commits everything not committed yet.</summary>
    void EndInput();
}

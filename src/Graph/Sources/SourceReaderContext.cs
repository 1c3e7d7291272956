namespace ActorStream.Graph;

/// <summary>What a source reader knows about its subtask.</summary>
public sealed record SourceReaderContext(int SubtaskIndex, int Parallelism, TimeProvider TimeProvider)
{
    /// <summary>
    /// The states every reader of the restored run snapshotted (any parallelism); empty on a fresh
    /// start. A reader takes the positions of the splits it owns and starts the others from the beginning.
    /// </summary>
    public IReadOnlyList<byte[]> RestoredState { get; init; } = [];

    /// <summary>True when the job takes checkpoints: a reader that acknowledges its input does so once a checkpoint completes.</summary>
    public bool CheckpointingEnabled { get; init; }

    /// <summary>True when the reader resumes from a checkpoint rather than starting afresh.</summary>
    public bool IsRestored => RestoredState.Count > 0;
}

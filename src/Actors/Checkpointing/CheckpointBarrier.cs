namespace ActorStream.Actors.Checkpointing;

/// <summary>What a checkpoint is for.</summary>
public enum CheckpointKind
{
    /// <summary>A periodic checkpoint: incremental, superseded by the next one.</summary>
    Checkpoint,

    /// <summary>A savepoint the user asked for: every key group written in full, kept until deleted.</summary>
    Savepoint,
}

/// <summary>
/// Marks checkpoint <paramref name="Id"/> in the stream: every record before it is reflected in the
/// checkpoint's state, none after it. Sources emit it; it travels in band through every channel.
/// </summary>
public sealed record CheckpointBarrier(long Id, long Timestamp, CheckpointKind Kind)
{
    /// <summary>True for a savepoint.</summary>
    public bool IsSavepoint => Kind == CheckpointKind.Savepoint;
}

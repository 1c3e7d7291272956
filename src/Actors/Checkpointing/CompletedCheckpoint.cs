namespace ActorStream.Actors.Checkpointing;

/// <summary>
/// The metadata of a completed checkpoint or savepoint: enough to restore a job from it, with any
/// parallelism. Keyed state is not in here: it lives in the key-group entities, found by
/// (job name, operator uid, key group) and read "as of" <see cref="Id"/>.
/// </summary>
public sealed record CompletedCheckpoint(
    long Id,
    string JobName,
    CheckpointKind Kind,
    long CompletedAt,
    IReadOnlyDictionary<string, OperatorCheckpointState> Operators)
{
    /// <summary>The pointer users pass to <c>--from-savepoint</c>.</summary>
    public string Pointer => $"{JobName}/{Id}";
}

/// <summary>
/// One operator's part of a checkpoint: its parallelism and max parallelism at the time, whether it
/// has keyed state, and the operator states of its subtasks (restored as a union list).
/// </summary>
public sealed record OperatorCheckpointState(int Parallelism, int MaxParallelism, bool Keyed, IReadOnlyList<byte[]> SubtaskStates);

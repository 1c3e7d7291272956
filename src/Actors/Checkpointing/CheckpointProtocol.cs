using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Subtasks;

namespace ActorStream.Actors.Checkpointing;

/// <summary>
/// Job master to source subtasks: snapshot your position and emit the barrier; with
/// <paramref name="SuspendAfter"/> (stop with savepoint) emit nothing after it, as Flink's synchronous savepoint.
/// </summary>
public sealed record TriggerCheckpoint(CheckpointBarrier Barrier, bool SuspendAfter = false) : ISubtaskCommand;

/// <summary>Job master to every subtask: the checkpoint is durable; commit its side effects.</summary>
public sealed record NotifyCheckpointComplete(long CheckpointId) : ISubtaskCommand;

/// <summary>Job master to every subtask: the checkpoint was aborted; stop waiting for it.</summary>
public sealed record NotifyCheckpointAborted(long CheckpointId) : ISubtaskCommand;

/// <summary>Job master to an exhausted source after the final checkpoint: end the input now.</summary>
public sealed record FinishSource : ISubtaskCommand
{
    /// <summary>The single instance.</summary>
    public static readonly FinishSource Instance = new();
}

/// <summary>A subtask's state for one checkpoint is durable.</summary>
public sealed record AcknowledgeCheckpoint(string VertexId, int SubtaskIndex, long CheckpointId, SubtaskCheckpointState State)
    : IJobMasterMessage
{
    /// <summary>How long the subtask held its first input channel back until the barrier had come on all (exactly-once alignment), in ms.</summary>
    public long AlignmentMs { get; init; }
}

/// <summary>A subtask could not take its part of a checkpoint.</summary>
public sealed record DeclineCheckpoint(string VertexId, int SubtaskIndex, long CheckpointId, string Reason) : IJobMasterMessage;

/// <summary>A source subtask read all its input and emitted its final watermark; it waits for the final checkpoint.</summary>
public sealed record SourceExhausted(string VertexId, int SubtaskIndex) : IJobMasterMessage;

/// <summary>
/// What one subtask contributes to a checkpoint's metadata: the operator (non-keyed) state of each
/// operator that has one, the uids of its operators with keyed state (which lives in the key-group
/// entities), and how much keyed state it wrote.
/// </summary>
public sealed record SubtaskCheckpointState(
    IReadOnlyDictionary<string, byte[]> OperatorStates,
    IReadOnlyList<string> KeyedOperators,
    int KeyGroupsWritten,
    long KeyedBytesWritten);

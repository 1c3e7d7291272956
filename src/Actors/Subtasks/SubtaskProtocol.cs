using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Subtasks;

/// <summary>A command from the job master to a subtask entity.</summary>
public interface ISubtaskCommand;

/// <summary>
/// Creates the subtask entity and tells it what to run, restoring from <paramref name="Restore"/> when
/// given; it answers with <see cref="JobMaster.SubtaskRegistered"/> once its state is loaded.
/// </summary>
public sealed record DeploySubtask(string JobId, JobSpec Spec, string VertexId, int SubtaskIndex, int Attempt, IActorRef JobMaster,
    Checkpointing.CompletedCheckpoint? Restore = null) : ISubtaskCommand;

/// <summary>Every subtask of the job is deployed: connect channels (by vertex id, the refs of its subtasks) and start.</summary>
public sealed record ConnectSubtask(IReadOnlyDictionary<string, IActorRef[]> Subtasks) : ISubtaskCommand;

/// <summary>End the source's input now so the job drains and finishes (stop with drain).</summary>
public sealed record StopSource : ISubtaskCommand
{
    /// <summary>The single instance.</summary>
    public static readonly StopSource Instance = new();
}

/// <summary>Stop without finishing the output; answers with <see cref="JobMaster.SubtaskCancelled"/>.</summary>
public sealed record CancelSubtask : ISubtaskCommand
{
    /// <summary>The single instance.</summary>
    public static readonly CancelSubtask Instance = new();
}

/// <summary>The job is over: the entity may stop.</summary>
public sealed record ReleaseSubtask : ISubtaskCommand
{
    /// <summary>The single instance.</summary>
    public static readonly ReleaseSubtask Instance = new();
}

/// <summary>
/// Messages a subtask sends itself between batches (the control path). They never leave the actor,
/// so they are not serialized, also not when tests verify serialization of every message.
/// </summary>
internal static class SubtaskTicks
{
    public sealed record ContinueProcessing : INoSerializationVerificationNeeded
    {
        public static readonly ContinueProcessing Instance = new();
    }

    public sealed record PollSource : INoSerializationVerificationNeeded
    {
        public static readonly PollSource Instance = new();
    }

    public sealed record FlushTimeout : INoSerializationVerificationNeeded
    {
        public static readonly FlushTimeout Instance = new();
    }

    public sealed record EmitWatermark : INoSerializationVerificationNeeded
    {
        public static readonly EmitWatermark Instance = new();
    }

    /// <summary>Time to report the source's watermark to its alignment group.</summary>
    public sealed record ReportSourceWatermark : INoSerializationVerificationNeeded
    {
        public static readonly ReportSourceWatermark Instance = new();
    }

    public sealed record ProcessingTime : INoSerializationVerificationNeeded
    {
        public static readonly ProcessingTime Instance = new();
    }

    public sealed record ReportMetrics : INoSerializationVerificationNeeded
    {
        public static readonly ReportMetrics Instance = new();
    }

    public sealed record RestoreTimedOut : INoSerializationVerificationNeeded
    {
        public static readonly RestoreTimedOut Instance = new();
    }

    public sealed record WritesTimedOut(long CheckpointId) : INoSerializationVerificationNeeded;

    /// <summary>The source has input again (piped to the subtask itself).</summary>
    public sealed record SourceAvailable : INoSerializationVerificationNeeded
    {
        public static readonly SourceAvailable Instance = new();
    }

    /// <summary>Mail waits in the subtask's mailbox (sent from other threads, at most one at a time).</summary>
    public sealed record RunMailbox : INoSerializationVerificationNeeded
    {
        public static readonly RunMailbox Instance = new();
    }

    public sealed record ResendWrites : INoSerializationVerificationNeeded
    {
        public static readonly ResendWrites Instance = new();
    }
}

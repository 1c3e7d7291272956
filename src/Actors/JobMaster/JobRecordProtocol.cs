using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.JobMaster;

/// <summary>What the job record persists: the submission, each attempt, where the run's checkpoints begin, and the end.</summary>
public interface IJobRecordEvent;

/// <summary>The job was accepted with <paramref name="Spec"/> at <paramref name="SubmittedAt"/> (Unix ms).</summary>
public sealed record JobRecordSubmitted(JobSpec Spec, long SubmittedAt) : IJobRecordEvent;

/// <summary>Attempt <paramref name="Attempt"/> starts: a job master taking over uses a higher number, so entity ids never repeat.</summary>
public sealed record JobRecordAttempt(int Attempt) : IJobRecordEvent;

/// <summary>The run's own checkpoints have ids from <paramref name="FirstCheckpointId"/> on (lower ones belong to earlier runs of the job name).</summary>
public sealed record JobRecordCheckpointsBegin(long FirstCheckpointId) : IJobRecordEvent;

/// <summary>The job ended with <paramref name="Status"/> (FINISHED, CANCELED or FAILED) and, if it did not finish, why.</summary>
public sealed record JobRecordEnded(JobStatus Status, string? Failure) : IJobRecordEvent;

/// <summary>The job master asks its record for what it holds; answered with <see cref="JobRecordLoaded"/>. Local to one node.</summary>
internal sealed record LoadJobRecord : INoSerializationVerificationNeeded
{
    public static readonly LoadJobRecord Instance = new();
}

/// <summary>The recovered record: no <paramref name="Submitted"/> for a job id never accepted.</summary>
internal sealed record JobRecordLoaded(JobRecordSubmitted? Submitted, int Attempt, long? FirstCheckpointId, JobRecordEnded? Ended)
    : INoSerializationVerificationNeeded;

/// <summary>Persists <paramref name="Event"/>; answered with <see cref="JobRecorded"/> once it is durable. Local to one node.</summary>
internal sealed record RecordJob(IJobRecordEvent Event) : INoSerializationVerificationNeeded;

/// <summary>The event is durable.</summary>
internal sealed record JobRecorded(IJobRecordEvent Event) : INoSerializationVerificationNeeded;

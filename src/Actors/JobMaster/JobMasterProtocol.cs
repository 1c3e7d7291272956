using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.JobMaster;

/// <summary>A message to a job master entity.</summary>
public interface IJobMasterMessage;

/// <summary>
/// Runs job <paramref name="JobId"/> as described by <paramref name="Spec"/>; the sender gets
/// <see cref="JobAccepted"/> once the job holds its slots, or <see cref="JobRejected"/>; the outcome
/// goes to <paramref name="ResultListener"/> (Nobody when the client follows the job by polling).
/// </summary>
public sealed record SubmitJob(string JobId, JobSpec Spec, IActorRef ResultListener) : IJobMasterMessage;

/// <summary>The job holds its slots and is being deployed.</summary>
public sealed record JobAccepted(string JobId) : IJobMasterMessage;

/// <summary>The job cannot run: unknown to the program, built differently, or the cluster lacks slots.</summary>
public sealed record JobRejected(string JobId, string Reason) : IJobMasterMessage;

/// <summary>A job id that no job master knows: answers any job command to it.</summary>
public sealed record UnknownJob(string JobId) : IJobMasterMessage;

/// <summary>A subtask entity is deployed and ready to connect.</summary>
public sealed record SubtaskRegistered(string VertexId, int SubtaskIndex, int Attempt, IActorRef Subtask) : IJobMasterMessage;

/// <summary>
/// A subtask could not be deployed: for good (a program mismatch fails the job), or, when
/// <paramref name="Retriable"/>, for now (its state could not be read: the job restarts with backoff).
/// </summary>
public sealed record SubtaskDeployFailed(string VertexId, int SubtaskIndex, string Reason, bool Retriable = false) : IJobMasterMessage;

/// <summary>A subtask's progress so far, and how it spent the last reporting period.</summary>
public sealed record SubtaskMetrics(
    string VertexId, int SubtaskIndex, long RecordsIn, long RecordsOut, IReadOnlyDictionary<string, long> Counters) : IJobMasterMessage
{
    /// <summary>Records sent downstream over the network (Flink's write-records of a vertex); <see cref="RecordsOut"/> counts sink writes.</summary>
    public long RecordsSent { get; init; }

    /// <summary>Bytes of the batches received from other nodes (Flink's read-bytes; batches within a node pass by reference).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Bytes of the batches sent to other nodes (Flink's write-bytes).</summary>
    public long BytesSent { get; init; }

    /// <summary>A source's records not read yet from its external system (a Kafka consumer's lag); -1 when unknown or not a source.</summary>
    public long PendingRecords { get; init; } = -1;

    /// <summary>Busy, back-pressured and idle time in the last period, in milliseconds per second.</summary>
    public SubtaskLoad Load { get; init; } = SubtaskLoad.Unknown;

    /// <summary>The event time of the subtask's input (a source: of its output); <see cref="long.MinValue"/> before any.</summary>
    public long InputWatermark { get; init; } = long.MinValue;

    /// <summary>The last watermark the subtask sent downstream; <see cref="long.MinValue"/> before any.</summary>
    public long OutputWatermark { get; init; } = long.MinValue;
}

/// <summary>How a subtask spent its time, in milliseconds per second (Flink's busy/backPressured/idle TimeMsPerSecond).</summary>
public sealed record SubtaskLoad(int BusyMsPerSecond, int BackPressuredMsPerSecond, int IdleMsPerSecond)
{
    /// <summary>Nothing measured yet.</summary>
    public static readonly SubtaskLoad Unknown = new(0, 0, 0);

    /// <summary>Flink's back-pressure level: ok up to 10 % of the time back-pressured, low up to 50 %, high above.</summary>
    public string BackPressureLevel => BackPressuredMsPerSecond > 500 ? "high" : BackPressuredMsPerSecond > 100 ? "low" : "ok";
}

/// <summary>Asks for the job's <see cref="JobDetails"/>.</summary>
public sealed record GetJobDetails : IJobMasterMessage
{
    /// <summary>The single instance.</summary>
    public static readonly GetJobDetails Instance = new();
}

/// <summary>A job's progress, per vertex its subtasks (where they run, their latest metrics), its latest checkpoints and failures.</summary>
public sealed record JobDetails(JobProgress Progress, IReadOnlyList<VertexDetails> Vertices, IReadOnlyList<CheckpointStats> Checkpoints,
    IReadOnlyList<JobException> Exceptions) : IJobMasterMessage
{
    /// <summary>The checkpoint or savepoint the latest attempt started from; null when it started empty.</summary>
    public RestoredCheckpoint? Restored { get; init; }

    /// <summary>How many attempts started from a checkpoint or savepoint.</summary>
    public int Restores { get; init; }
}

/// <summary>A checkpoint an attempt started from, and when it did (Unix ms).</summary>
public sealed record RestoredCheckpoint(long Id, string Pointer, bool IsSavepoint, long RestoredAt);

/// <summary>
/// A failure that restarted or failed the job: when (Unix ms), the exception's type and text (with its stack), and
/// where, when a subtask threw: the operator, the subtask and its node ("host:port").
/// </summary>
public sealed record JobException(long Timestamp, string ExceptionName, string Text, string? OperatorName = null, int? SubtaskIndex = null,
    string? Node = null);

/// <summary>
/// One checkpoint or savepoint of the current run: completed or failed (with why), when it was triggered (Unix ms),
/// how long it took from trigger to completion, and how many bytes of state it wrote (keyed and operator state).
/// </summary>
public sealed record CheckpointStats(long Id, bool IsSavepoint, bool Completed, long TriggeredAt, long DurationMs, long StateBytes,
    string? FailureReason = null)
{
    /// <summary>The longest barrier alignment of any subtask, in ms (0 without alignment).</summary>
    public long AlignmentMs { get; init; }
}

/// <summary>One vertex (a chain of operators) of a running job: its upstream vertices and its subtasks.</summary>
public sealed record VertexDetails(string Id, string Name, int Parallelism, IReadOnlyList<string> Inputs, IReadOnlyList<SubtaskDetails> Subtasks);

/// <summary>One subtask: its node ("host:port", empty before it is placed) and its latest metrics.</summary>
public sealed record SubtaskDetails(int Index, string Node, SubtaskMetrics Metrics);

/// <summary>A subtask processed all its input and delivered all its output.</summary>
public sealed record SubtaskFinished(SubtaskMetrics Metrics) : IJobMasterMessage;

/// <summary>A subtask failed: user code or the runtime threw.</summary>
public sealed record SubtaskFailed(string VertexId, int SubtaskIndex, string OperatorName, Exception Cause) : IJobMasterMessage;

/// <summary>A subtask stopped after <see cref="Subtasks.CancelSubtask"/>.</summary>
public sealed record SubtaskCancelled(string VertexId, int SubtaskIndex) : IJobMasterMessage;

/// <summary>Asks for a <see cref="JobProgress"/>.</summary>
public sealed record GetJobProgress : IJobMasterMessage
{
    /// <summary>The single instance.</summary>
    public static readonly GetJobProgress Instance = new();
}

/// <summary>Ends all sources' input so the job drains and finishes; answers <see cref="Akka.Done"/>.</summary>
public sealed record StopJob : IJobMasterMessage
{
    /// <summary>The single instance.</summary>
    public static readonly StopJob Instance = new();
}

/// <summary>Cancels the job; answers <see cref="Akka.Done"/>.</summary>
public sealed record CancelJob : IJobMasterMessage
{
    /// <summary>The single instance.</summary>
    public static readonly CancelJob Instance = new();
}

/// <summary>Takes a savepoint (and then stops the job when <paramref name="StopAfter"/>); answers <see cref="SavepointTaken"/> or a failure.</summary>
public sealed record TriggerSavepoint(bool StopAfter) : IJobMasterMessage;

/// <summary>The savepoint is complete; <paramref name="Pointer"/> restores it.</summary>
public sealed record SavepointTaken(string Pointer);

/// <summary>What the job master tells the result listener when the job ends.</summary>
public interface IJobOutcome;

/// <summary>The job finished.</summary>
public sealed record JobSucceeded(JobExecutionResult Result) : IJobOutcome;

/// <summary>The job failed or was cancelled.</summary>
public sealed record JobEnded(JobStatus Status, Exception Error) : IJobOutcome;

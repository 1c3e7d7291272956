namespace ActorStream.Graph;

/// <summary>The outcome of a finished job.</summary>
public sealed record JobExecutionResult(string JobId, string JobName, TimeSpan Duration, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>The summed value of the counter <paramref name="name"/>, or 0 when no subtask used it.</summary>
    public long GetCounter(string name) => Counters.GetValueOrDefault(name);

    /// <summary>Checkpoints completed during the run (including the final one).</summary>
    public int CompletedCheckpoints { get; init; }

    /// <summary>How often the job restarted after a failure.</summary>
    public int Restarts { get; init; }

    /// <summary>The pointer of the latest completed checkpoint or savepoint, or null.</summary>
    public string? LatestCheckpoint { get; init; }
}

/// <summary>Where a job is in its lifecycle.</summary>
public enum JobStatus
{
    /// <summary>Submitted, not yet scheduled.</summary>
    Created,

    /// <summary>Subtasks are being deployed.</summary>
    Scheduling,

    /// <summary>All subtasks run.</summary>
    Running,

    /// <summary>Sources were asked to end their input; the pipeline drains.</summary>
    Finishing,

    /// <summary>Subtasks are being cancelled.</summary>
    Cancelling,

    /// <summary>A subtask failed: the job restarts from its latest completed checkpoint.</summary>
    Restarting,

    /// <summary>Every subtask finished.</summary>
    Finished,

    /// <summary>The job was cancelled.</summary>
    Cancelled,

    /// <summary>The job failed.</summary>
    Failed,
}

/// <summary>A snapshot of a running job's progress.</summary>
public sealed record JobProgress(
    JobStatus Status, TimeSpan Elapsed, long RecordsIn, long RecordsOut, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>Checkpoints completed so far in this run.</summary>
    public int CompletedCheckpoints { get; init; }

    /// <summary>Checkpoints that were declined or timed out.</summary>
    public int FailedCheckpoints { get; init; }

    /// <summary>The pointer of the latest completed checkpoint (for <c>--from-savepoint</c>), or null.</summary>
    public string? LatestCheckpoint { get; init; }

    /// <summary>How often the job restarted after a failure.</summary>
    public int Restarts { get; init; }

    /// <summary>Why the job failed or was cancelled, once it has; null otherwise.</summary>
    public string? Failure { get; init; }
}

/// <summary>Flink's names of job states, as its CLI and REST API show them.</summary>
public static class JobStatusNames
{
    /// <summary>The Flink name of <paramref name="status"/>: CREATED, RUNNING, RESTARTING, CANCELLING, FINISHED, CANCELED or FAILED.</summary>
    public static string ToFlinkName(this JobStatus status) => status switch
    {
        JobStatus.Created or JobStatus.Scheduling => "CREATED",
        JobStatus.Running or JobStatus.Finishing => "RUNNING",
        JobStatus.Restarting => "RESTARTING",
        JobStatus.Cancelling => "CANCELLING",
        JobStatus.Finished => "FINISHED",
        JobStatus.Cancelled => "CANCELED",
        JobStatus.Failed => "FAILED",
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>True for FINISHED, CANCELED and FAILED: the job will not change any more.</summary>
    public static bool IsTerminal(this JobStatus status) => status is JobStatus.Finished or JobStatus.Cancelled or JobStatus.Failed;
}

/// <summary>A handle on a submitted job.</summary>
public interface IJobClient
{
    /// <summary>The job's id.</summary>
    string JobId { get; }

    /// <summary>Completes with the result when the job finishes; faults with <see cref="JobExecutionException"/> when it fails.</summary>
    Task<JobExecutionResult> Completion { get; }

    /// <summary>Progress so far (records in/out summed over all subtasks).</summary>
    Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends every source's input so the job drains and finishes normally (Flink's stop --drain).</summary>
    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>Cancels the job: subtasks stop without finishing their output.</summary>
    Task CancelAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a savepoint (every key group in full, kept until deleted) and returns its pointer.</summary>
    Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes a savepoint, commits its output, then stops the job; returns the savepoint's pointer.</summary>
    Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default);
}

/// <summary>Runs job graphs; the runtime (ActorStream.Actors) provides one.</summary>
public interface IJobExecutor
{
    /// <summary>Submits <paramref name="jobGraph"/> and returns once it is accepted.</summary>
    Task<IJobClient> SubmitAsync(Plan.JobGraph jobGraph, CancellationToken cancellationToken = default);
}

/// <summary>A job failed; the message names the operator and subtask, the inner exception is the original error.</summary>
public sealed class JobExecutionException(string jobId, string message, string? operatorName, int? subtaskIndex, Exception? cause)
    : Exception(message, cause)
{
    /// <summary>The failed job's id.</summary>
    public string JobId { get; } = jobId;

    /// <summary>The operator (chain) whose subtask failed, when one did.</summary>
    public string? OperatorName { get; } = operatorName;

    /// <summary>The index of the failed subtask, when one failed.</summary>
    public int? SubtaskIndex { get; } = subtaskIndex;
}

/// <summary>
/// A job could not start from the checkpoint or savepoint it was asked to restore (none retained, or one that does
/// not fit the job's operators): a mistake in how the job was started, not a failure while it ran.
/// </summary>
public sealed class CheckpointRestoreException(string message) : InvalidOperationException(message);

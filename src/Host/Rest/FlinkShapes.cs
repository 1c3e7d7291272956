using ActorStream.Actors.Cluster;
using ActorStream.Graph;

namespace ActorStream.Host.Rest;

/// <summary>
/// The JSON bodies, in the shapes of Flink's REST API (names with hyphens, Flink's state names), so that
/// Flink users' scripts and habits carry over. Fields Flink does not have are added, never renamed.
/// </summary>
internal static class FlinkShapes
{
    /// <summary>Flink's name of a job state.</summary>
    public static string State(JobStatus status) => status switch
    {
        JobStatus.Created or JobStatus.Scheduling => "CREATED",
        JobStatus.Running or JobStatus.Finishing => "RUNNING",
        JobStatus.Cancelling => "CANCELLING",
        JobStatus.Restarting => "RESTARTING",
        JobStatus.Finished => "FINISHED",
        JobStatus.Cancelled => "CANCELED", // sic: Flink's spelling
        JobStatus.Failed => "FAILED",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static Dictionary<string, object?> Overview(IReadOnlyList<NodeInfo> nodes, IReadOnlyList<JobSummary> jobs) => new()
    {
        ["taskmanagers"] = nodes.Count,
        ["slots-total"] = nodes.Sum(n => (long)n.Slots),
        ["slots-available"] = nodes.Sum(n => (long)n.FreeSlots),
        ["jobs-running"] = jobs.Count(j => !IsTerminal(j.Status)),
        ["jobs-finished"] = jobs.Count(j => j.Status == JobStatus.Finished),
        ["jobs-cancelled"] = jobs.Count(j => j.Status == JobStatus.Cancelled),
        ["jobs-failed"] = jobs.Count(j => j.Status == JobStatus.Failed),
        ["flink-version"] = "ActorStream " + Version,
        ["flink-commit"] = "",
    };

    public static Dictionary<string, object?> JobOverview(JobSummary job, long now) => new()
    {
        ["jid"] = job.Id,
        ["name"] = job.Name,
        ["state"] = State(job.Status),
        ["start-time"] = job.SubmittedAt,
        ["end-time"] = -1L,
        ["duration"] = now - job.SubmittedAt,
        ["last-modification"] = now,
        ["tasks"] = new Dictionary<string, object?> { ["total"] = job.Parallelism },
        ["jobmaster-node"] = job.JobMasterNode,
        ["checkpoints"] = job.Checkpoints,
        ["restarts"] = job.Restarts,
    };

    public static Dictionary<string, object?> Job(JobSummary job, JobProgress progress, long now) => new()
    {
        ["jid"] = job.Id,
        ["name"] = job.Name,
        ["isStoppable"] = true,
        ["state"] = State(progress.Status),
        ["start-time"] = job.SubmittedAt,
        ["end-time"] = -1L,
        ["duration"] = (long)progress.Elapsed.TotalMilliseconds,
        ["now"] = now,
        ["maxParallelism"] = -1,
        ["metrics"] = new Dictionary<string, object?>
        {
            ["read-records"] = progress.RecordsIn,
            ["write-records"] = progress.RecordsOut,
        },
        ["counters"] = progress.Counters,
        ["restarts"] = progress.Restarts,
        ["jobmaster-node"] = job.JobMasterNode,
    };

    public static Dictionary<string, object?> Checkpoints(JobProgress progress) => new()
    {
        ["counts"] = new Dictionary<string, object?>
        {
            ["restored"] = 0,
            ["total"] = progress.CompletedCheckpoints + progress.FailedCheckpoints,
            ["in_progress"] = 0,
            ["completed"] = progress.CompletedCheckpoints,
            ["failed"] = progress.FailedCheckpoints,
        },
        ["latest"] = new Dictionary<string, object?>
        {
            ["completed"] = progress.LatestCheckpoint is { } pointer
                ? new Dictionary<string, object?> { ["external_path"] = pointer, ["status"] = "COMPLETED" }
                : null,
            ["savepoint"] = null,
            ["failed"] = null,
            ["restored"] = null,
        },
        ["history"] = Array.Empty<object>(),
    };

    public static Dictionary<string, object?> Exceptions(JobProgress progress, long now) => new()
    {
        ["root-exception"] = progress.Failure,
        ["timestamp"] = progress.Failure is null ? null : now,
        ["all-exceptions"] = Array.Empty<object>(),
        ["truncated"] = false,
        ["exceptionHistory"] = new Dictionary<string, object?>
        {
            ["entries"] = progress.Failure is { } failure
                ? new object[] { new Dictionary<string, object?> { ["exceptionName"] = "JobFailure", ["stacktrace"] = failure, ["timestamp"] = now } }
                : [],
            ["truncated"] = false,
        },
    };

    public static Dictionary<string, object?> TaskManagers(IReadOnlyList<NodeInfo> nodes) => new()
    {
        ["taskmanagers"] = nodes.Select(n => new Dictionary<string, object?>
        {
            ["id"] = n.Address,
            ["path"] = $"akka.tcp://actorstream@{n.Address}",
            ["dataPort"] = -1,
            ["slotsNumber"] = n.Slots,
            ["freeSlots"] = n.FreeSlots,
            ["status"] = n.Status,
        }).ToList(),
    };

    public static bool IsTerminal(JobStatus status) => status is JobStatus.Finished or JobStatus.Cancelled or JobStatus.Failed;

    private static string Version => typeof(FlinkShapes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}

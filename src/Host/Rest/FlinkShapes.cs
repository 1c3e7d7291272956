using ActorStream.Actors.Cluster;
using ActorStream.Actors.JobMaster;
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

    public static Dictionary<string, object?> Job(JobSummary job, JobDetails details, long now)
    {
        var shape = Job(job, details.Progress, now);
        shape["vertices"] = details.Vertices.Select(v => Vertex(v, details.Progress, job.SubmittedAt, now)).ToList();
        shape["plan"] = Plan(job, details);
        return shape;
    }

    /// <summary>A vertex as in Flink's job details: its size, status and records in and out summed over its subtasks.</summary>
    public static Dictionary<string, object?> Vertex(VertexDetails vertex, JobProgress progress, long start, long now) => new()
    {
        ["id"] = vertex.Id,
        ["name"] = vertex.Name,
        ["parallelism"] = vertex.Parallelism,
        ["status"] = State(progress.Status),
        ["start-time"] = start,
        ["end-time"] = -1L,
        ["duration"] = now - start,
        ["tasks"] = new Dictionary<string, object?> { [State(progress.Status)] = vertex.Parallelism },
        ["metrics"] = RecordMetrics(vertex.Subtasks.Select(s => s.Metrics).ToList()),
        ["backpressure-level"] = Level(vertex),
        ["busy-ms-per-second"] = vertex.Subtasks.Count == 0 ? 0 : vertex.Subtasks.Max(s => s.Metrics.Load.BusyMsPerSecond),
    };

    /// <summary>Flink's plan: the vertices and the vertices each reads from.</summary>
    public static Dictionary<string, object?> Plan(JobSummary job, JobDetails details) => new()
    {
        ["jid"] = job.Id,
        ["name"] = job.Name,
        ["type"] = "STREAMING",
        ["nodes"] = details.Vertices.Select(v => new Dictionary<string, object?>
        {
            ["id"] = v.Id,
            ["parallelism"] = v.Parallelism,
            ["operator"] = "",
            ["operator_strategy"] = "",
            ["description"] = v.Name,
            ["inputs"] = v.Inputs.Select((input, i) => new Dictionary<string, object?>
            {
                ["num"] = i, ["id"] = input, ["ship_strategy"] = "", ["exchange"] = "pipelined_bounded",
            }).ToList(),
        }).ToList(),
    };

    /// <summary>One vertex with its subtasks, where they run and their metrics.</summary>
    public static Dictionary<string, object?> VertexSubtasks(VertexDetails vertex, JobProgress progress, long now) => new()
    {
        ["id"] = vertex.Id,
        ["name"] = vertex.Name,
        ["parallelism"] = vertex.Parallelism,
        ["now"] = now,
        ["subtasks"] = vertex.Subtasks.Select(s => new Dictionary<string, object?>
        {
            ["subtask"] = s.Index,
            ["status"] = State(progress.Status),
            ["attempt"] = progress.Restarts,
            ["host"] = s.Node,
            ["taskmanager-id"] = s.Node,
            ["metrics"] = RecordMetrics([s.Metrics]),
        }).ToList(),
    };

    /// <summary>Flink's back-pressure answer: the vertex's level is its worst subtask's.</summary>
    public static Dictionary<string, object?> BackPressure(VertexDetails vertex, long now) => new()
    {
        ["status"] = "ok",
        ["backpressure-level"] = Level(vertex),
        ["end-timestamp"] = now,
        ["subtasks"] = vertex.Subtasks.Select(s => new Dictionary<string, object?>
        {
            ["subtask"] = s.Index,
            ["backpressure-level"] = s.Metrics.Load.BackPressureLevel,
            ["ratio"] = s.Metrics.Load.BackPressuredMsPerSecond / 1000.0,
            ["idleRatio"] = s.Metrics.Load.IdleMsPerSecond / 1000.0,
            ["busyRatio"] = s.Metrics.Load.BusyMsPerSecond / 1000.0,
        }).ToList(),
    };

    /// <summary>Flink's watermarks answer: a metric per subtask, values as strings.</summary>
    public static List<Dictionary<string, object?>> Watermarks(VertexDetails vertex) =>
        vertex.Subtasks.Select(s => new Dictionary<string, object?>
        {
            ["id"] = $"{s.Index}.currentInputWatermark",
            ["value"] = s.Metrics.InputWatermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();

    private static Dictionary<string, object?> RecordMetrics(IReadOnlyList<Actors.JobMaster.SubtaskMetrics> subtasks) => new()
    {
        ["read-records"] = subtasks.Sum(m => m.RecordsIn),
        ["read-records-complete"] = true,
        ["write-records"] = subtasks.Sum(m => m.RecordsSent),
        ["write-records-complete"] = true,
        ["read-bytes"] = subtasks.Sum(m => m.BytesReceived),
        ["read-bytes-complete"] = true,
        ["write-bytes"] = subtasks.Sum(m => m.BytesSent),
        ["write-bytes-complete"] = true,
        ["pending-records"] = subtasks.Any(m => m.PendingRecords >= 0) ? subtasks.Where(m => m.PendingRecords >= 0).Sum(m => m.PendingRecords) : null,
        ["accumulated-backpressured-time"] = subtasks.Count == 0 ? 0 : subtasks.Max(m => m.Load.BackPressuredMsPerSecond),
        ["accumulated-busy-time"] = subtasks.Count == 0 ? 0 : subtasks.Max(m => m.Load.BusyMsPerSecond),
        ["accumulated-idle-time"] = subtasks.Count == 0 ? 0 : subtasks.Max(m => m.Load.IdleMsPerSecond),
    };

    private static string Level(VertexDetails vertex) =>
        vertex.Subtasks.Select(s => s.Metrics.Load.BackPressureLevel).OrderBy(l => l switch { "high" => 0, "low" => 1, _ => 2 }).FirstOrDefault() ?? "ok";

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

    public static Dictionary<string, object?> Checkpoints(JobDetails details, string jobName)
    {
        var shape = Checkpoints(details.Progress);
        var latest = (Dictionary<string, object?>)shape["latest"]!;
        latest["savepoint"] = details.Checkpoints.LastOrDefault(c => c.IsSavepoint && c.Completed) is { } savepoint ? Summary(savepoint, jobName) : null;
        latest["failed"] = details.Checkpoints.LastOrDefault(c => !c.Completed) is { } failed ? Summary(failed, jobName) : null;
        latest["restored"] = details.Restored is { } restored
            ? new Dictionary<string, object?>
            {
                ["id"] = restored.Id,
                ["restore_timestamp"] = restored.RestoredAt,
                ["is_savepoint"] = restored.IsSavepoint,
                ["external_path"] = restored.Pointer,
            }
            : null;
        ((Dictionary<string, object?>)shape["counts"]!)["restored"] = details.Restores;
        shape["history"] = details.Checkpoints.Reverse().Select(c => new Dictionary<string, object?>
        {
            ["id"] = c.Id,
            ["status"] = c.Completed ? "COMPLETED" : "FAILED",
            ["is_savepoint"] = c.IsSavepoint,
            ["trigger_timestamp"] = c.TriggeredAt,
            ["latest_ack_timestamp"] = c.Completed ? c.TriggeredAt + c.DurationMs : -1,
            ["end_to_end_duration"] = c.DurationMs,
            ["state_size"] = c.StateBytes,
            ["checkpointed_size"] = c.StateBytes,
            ["failure_message"] = c.FailureReason,
            ["alignment_duration"] = c.AlignmentMs,
        }).ToList();
        return shape;
    }

    /// <summary>One checkpoint as in Flink's "latest" section; its pointer is JOB/ID, as <c>--from-savepoint</c> takes it.</summary>
    private static Dictionary<string, object?> Summary(CheckpointStats c, string jobName) => new()
    {
        ["id"] = c.Id,
        ["status"] = c.Completed ? "COMPLETED" : "FAILED",
        ["trigger_timestamp"] = c.TriggeredAt,
        ["end_to_end_duration"] = c.DurationMs,
        ["state_size"] = c.StateBytes,
        ["external_path"] = c.Completed ? $"{jobName}/{c.Id}" : null,
        ["failure_message"] = c.FailureReason,
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

    /// <summary>Flink's exceptions answer: the root (latest) failure and the history, newest first, with operator, subtask and node.</summary>
    public static Dictionary<string, object?> Exceptions(JobDetails details)
    {
        var newestFirst = details.Exceptions.Reverse().ToList();
        var root = newestFirst.FirstOrDefault();
        return new()
        {
            ["root-exception"] = root?.Text ?? details.Progress.Failure,
            ["timestamp"] = root?.Timestamp,
            ["all-exceptions"] = newestFirst.Select(e => new Dictionary<string, object?>
            {
                ["exception"] = e.Text, ["task"] = Task(e), ["location"] = e.Node, ["timestamp"] = e.Timestamp, ["taskManagerId"] = e.Node,
            }).ToList(),
            ["truncated"] = false,
            ["exceptionHistory"] = new Dictionary<string, object?>
            {
                ["entries"] = newestFirst.Select(e => new Dictionary<string, object?>
                {
                    ["exceptionName"] = e.ExceptionName, ["stacktrace"] = e.Text, ["timestamp"] = e.Timestamp,
                    ["taskName"] = Task(e), ["location"] = e.Node, ["taskManagerId"] = e.Node,
                }).ToList(),
                ["truncated"] = false,
            },
        };
    }

    private static string? Task(JobException e) => e.OperatorName is null ? null : e.SubtaskIndex is { } i ? $"{e.OperatorName} ({i + 1})" : e.OperatorName;

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

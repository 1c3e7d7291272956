using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorStream.Actors.JobMaster;
using ActorStream.Graph;

namespace ActorStream.Actors.Node;

/// <summary>
/// A node's runtime metrics as System.Diagnostics.Metrics instruments of the meter "ActorStream" (exported by
/// the REST server's /metrics, or by any OpenTelemetry or dotnet-counters listener): the latest report of every
/// subtask running here and the progress of every job whose job master runs here. Subtasks and job masters
/// push their reports (every metrics interval); the instruments only read them, so a scrape never reaches an actor.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "ActorStream";

    private readonly ConcurrentDictionary<(string JobId, string VertexId, int Subtask), TaskReport> _tasks = new();
    private readonly ConcurrentDictionary<string, JobReport> _jobs = new();
    private readonly Meter _meter = new(MeterName, typeof(NodeMetrics).Assembly.GetName().Version?.ToString(3));

    /// <summary>Creates the instruments; <paramref name="node"/> ("host:port") tags every measurement.</summary>
    public NodeMetrics(Func<string> node)
    {
        Node = node;
        Task("actorstream.task.records_in", "{record}", "Records a subtask read from its source or received over the network.", m => m.RecordsIn, counter: true);
        Task("actorstream.task.records_sent", "{record}", "Records a subtask sent downstream over the network.", m => m.RecordsSent, counter: true);
        Task("actorstream.task.records_written", "{record}", "Records the sinks of a subtask wrote.", m => m.RecordsOut, counter: true);
        Task("actorstream.task.bytes_received", "By", "Bytes of the batches a subtask received from other nodes.", m => m.BytesReceived, counter: true);
        Task("actorstream.task.bytes_sent", "By", "Bytes of the batches a subtask sent to other nodes.", m => m.BytesSent, counter: true);
        Task("actorstream.task.source.pending_records", "{record}", "Records a source has yet to read from its external system (Kafka consumer lag).",
            m => m.PendingRecords, absent: -1);
        Task("actorstream.task.busy_time", "ms/s", "Time per second a subtask spent processing.", m => m.Load.BusyMsPerSecond);
        Task("actorstream.task.backpressured_time", "ms/s", "Time per second a subtask had work but no output credit.", m => m.Load.BackPressuredMsPerSecond);
        Task("actorstream.task.idle_time", "ms/s", "Time per second a subtask waited for input.", m => m.Load.IdleMsPerSecond);
        Task("actorstream.task.watermark.input", "ms", "Event time of a subtask's input (epoch ms).", m => m.InputWatermark, absent: long.MinValue);
        Task("actorstream.task.watermark.output", "ms", "Last watermark a subtask sent (epoch ms).", m => m.OutputWatermark, absent: long.MinValue);
        Job("actorstream.job.checkpoints.completed", "{checkpoint}", "Checkpoints completed by a job's current run.", p => p.CompletedCheckpoints);
        Job("actorstream.job.checkpoints.failed", "{checkpoint}", "Checkpoints declined or timed out.", p => p.FailedCheckpoints);
        Job("actorstream.job.restarts", "{restart}", "Restarts of a job after failures.", p => p.Restarts);
        Job("actorstream.job.records_in", "{record}", "Records read by a job's sources.", p => p.RecordsIn);
    }

    private Func<string> Node { get; }

    /// <summary>The latest report of a subtask running on this node.</summary>
    public void Report(string jobId, string jobName, string vertexName, SubtaskMetrics metrics) =>
        _tasks[(jobId, metrics.VertexId, metrics.SubtaskIndex)] = new TaskReport(jobName, vertexName, metrics);

    /// <summary>The subtask stopped here.</summary>
    public void Remove(string jobId, string vertexId, int subtask) => _tasks.TryRemove((jobId, vertexId, subtask), out _);

    /// <summary>The latest progress of a job whose job master runs on this node.</summary>
    public void Report(string jobId, string jobName, JobProgress progress) => _jobs[jobId] = new JobReport(jobName, progress);

    /// <summary>The job master stopped here.</summary>
    public void Remove(string jobId) => _jobs.TryRemove(jobId, out _);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void Task(string name, string unit, string description, Func<SubtaskMetrics, long> value, bool counter = false, long? absent = null)
    {
        IEnumerable<Measurement<long>> Observe() => _tasks
            .Where(t => absent is not { } none || value(t.Value.Metrics) != none)
            .Select(t => new Measurement<long>(value(t.Value.Metrics),
                new("job.id", t.Key.JobId), new("job.name", t.Value.JobName), new("task.id", t.Key.VertexId),
                new("task.name", t.Value.VertexName), new("subtask.index", t.Key.Subtask), new("node", Node())));
        if (counter)
            _meter.CreateObservableCounter(name, Observe, unit, description);
        else
            _meter.CreateObservableGauge(name, Observe, unit, description);
    }

    private void Job(string name, string unit, string description, Func<JobProgress, long> value) =>
        _meter.CreateObservableCounter(name, () => _jobs.Select(j => new Measurement<long>(value(j.Value.Progress),
            new("job.id", j.Key), new("job.name", j.Value.JobName), new("node", Node()))), unit, description);

    private sealed record TaskReport(string JobName, string VertexName, SubtaskMetrics Metrics);

    private sealed record JobReport(string JobName, JobProgress Progress);
}

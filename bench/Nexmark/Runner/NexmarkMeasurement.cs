using System.Text.Json;
using ActorStream.Bench.Nexmark.Json;
using ActorStream.Bench.Nexmark.Latency;

namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>The outcome of one benchmark run.</summary>
/// <param name="Query">The query's name, e.g. "q1".</param>
/// <param name="Engine">What ran it.</param>
/// <param name="Events">The number of generated events the query read.</param>
/// <param name="Results">The number of result rows.</param>
/// <param name="Duration">The time from the first event to the last result: the job's duration, or the loop's.</param>
/// <param name="WallTime">The time of the whole run, including starting and stopping the engine's node.</param>
/// <param name="Parallelism">The parallelism of the pipeline; 1 for the loop.</param>
/// <param name="CheckpointInterval">The checkpoint interval, or null when the run took no checkpoints.</param>
public sealed record NexmarkMeasurement(
    string Query, NexmarkEngine Engine, long Events, long Results, TimeSpan Duration, TimeSpan WallTime, int Parallelism,
    TimeSpan? CheckpointInterval)
{
    /// <summary>Checkpoints completed during the run, the final one included; 0 without checkpoints.</summary>
    public int CompletedCheckpoints { get; init; }

    /// <summary>The rate the generator was paced to, in events per second over all source subtasks, or null when unpaced.</summary>
    public double? Rate { get; init; }

    /// <summary>Per-result latency from the event's emission to the result's arrival at the sink, or null when not measured.</summary>
    public LatencySummary? Latency { get; init; }

    /// <summary>What this process and its garbage collector did during the run, or null when the run was not in this process alone (several nodes).</summary>
    public ProcessActivity? Activity { get; init; }

    /// <summary>The node processes the job ran on (1 but for the actorstream engine spread over a loopback cluster).</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>The engine's name as the CLI spells it.</summary>
    public string EngineName => Engine.CliName();

    /// <summary>Events read per second of <see cref="Duration"/>.</summary>
    public double EventsPerSecond => Duration > TimeSpan.Zero ? Events / Duration.TotalSeconds : 0;

    /// <summary>
    /// The measurement as one JSON object: query, engine, events, seconds (of <see cref="Duration"/>), eventsPerSecond,
    /// parallelism, nodes, checkpointInterval (milliseconds or null), completedCheckpoints, results, wallSeconds, rate (events/s
    /// or null), then latencyP50Ms, latencyP99Ms, latencyMaxMs and latencySamples (null when latency was not measured), then
    /// cpuSeconds, coresBusy (CPU time over the elapsed time of the run), gcGen0, gcGen1, gcGen2 (collections), gcPauseMs and
    /// allocatedBytes (null when the run was not in this process alone).
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, NexmarkJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("query", Query);
            writer.WriteString("engine", EngineName);
            writer.WriteNumber("events", Events);
            writer.WriteNumber("seconds", Math.Round(Duration.TotalSeconds, 3));
            writer.WriteNumber("eventsPerSecond", Math.Round(EventsPerSecond));
            writer.WriteNumber("parallelism", Parallelism);
            writer.WriteNumber("nodes", Nodes);
            if (CheckpointInterval is { } interval)
                writer.WriteNumber("checkpointInterval", (long)interval.TotalMilliseconds);
            else
                writer.WriteNull("checkpointInterval");
            writer.WriteNumber("completedCheckpoints", CompletedCheckpoints);
            writer.WriteNumber("results", Results);
            writer.WriteNumber("wallSeconds", Math.Round(WallTime.TotalSeconds, 3));
            WriteNumberOrNull(writer, "rate", Rate);
            WriteNumberOrNull(writer, "latencyP50Ms", Latency?.P50Ms);
            WriteNumberOrNull(writer, "latencyP99Ms", Latency?.P99Ms);
            WriteNumberOrNull(writer, "latencyMaxMs", Latency?.MaxMs);
            WriteNumberOrNull(writer, "latencySamples", Latency?.Samples);
            WriteNumberOrNull(writer, "cpuSeconds", Activity?.Cpu.TotalSeconds);
            WriteNumberOrNull(writer, "coresBusy", Activity?.CoresBusy);
            WriteNumberOrNull(writer, "gcGen0", Activity?.Gen0);
            WriteNumberOrNull(writer, "gcGen1", Activity?.Gen1);
            WriteNumberOrNull(writer, "gcGen2", Activity?.Gen2);
            WriteNumberOrNull(writer, "gcPauseMs", Activity?.Pause.TotalMilliseconds);
            WriteNumberOrNull(writer, "allocatedBytes", Activity?.AllocatedBytes);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="value"/> to six places (a nanosecond, for milliseconds), or null.</summary>
    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, Math.Round(number, 6));
        else
            writer.WriteNull(name);
    }
}

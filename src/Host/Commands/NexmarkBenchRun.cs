using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Nexmark.Runner;

namespace ActorStream.Host.Commands;

/// <summary>The options of one <c>actorstream bench nexmark</c> run.</summary>
/// <param name="Query">The query to run.</param>
/// <param name="Engine">What runs it.</param>
/// <param name="Events">The number of generated events.</param>
/// <param name="Seed">The generator seed.</param>
/// <param name="Parallelism">The pipeline's parallelism, or null for the number of cores.</param>
/// <param name="OutputDirectory">Where result rows go as JSON lines, or null to count and discard them.</param>
/// <param name="DumpEventsPath">Where the generated events go as JSON lines, or null.</param>
/// <param name="JsonPath">Where the measurement goes as JSON, or null.</param>
internal sealed record NexmarkBenchRun(
    NexmarkQuery Query, NexmarkEngine Engine, long Events, long Seed, int? Parallelism, string? OutputDirectory,
    string? DumpEventsPath, string? JsonPath)
{
    /// <summary>How often the actorstream engine takes exactly-once checkpoints, or null for none.</summary>
    public TimeSpan? CheckpointInterval { get; init; }

    /// <summary>The generator's pace in events per second over all source subtasks (latency runs), or null for unpaced.</summary>
    public double? Rate { get; init; }

    /// <summary>True to run q1 with per-result latency instead of the plain query.</summary>
    public bool Latency { get; init; }

    /// <summary>The node processes the actorstream engine spreads the job over: 1 runs it in this process only.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>The exchange settings given (batch size, credits, batch timeout, local batch bytes) as job arguments; empty keeps the defaults.</summary>
    public IReadOnlyDictionary<string, string> Exchange { get; init; } = new Dictionary<string, string>();

    /// <summary>The actorstream engine's Akka log level on stderr (INFO shows each checkpoint's duration and size).</summary>
    public string LogLevel { get; init; } = "WARNING";
}

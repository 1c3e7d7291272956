namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>What runs a query; the CLI spells each as <see cref="NexmarkEngineNames.CliName"/> gives it.</summary>
public enum NexmarkEngine
{
    /// <summary>The query's DataStream pipeline on ActorStream's embedded one-process cluster.</summary>
    ActorStream,

    /// <summary>The query hand-written as one single-threaded loop over the generated events: what the hardware allows.</summary>
    Loop,

    /// <summary>The query on plain Akka.Streams in an ActorSystem of its own: what a .NET developer would use today.</summary>
    AkkaStreams,
}

/// <summary>The engines' names on the command line: "actorstream", "loop" and "akka-streams".</summary>
public static class NexmarkEngineNames
{
    /// <summary>The name of <paramref name="engine"/> on the command line.</summary>
    public static string CliName(this NexmarkEngine engine) =>
        engine == NexmarkEngine.AkkaStreams ? "akka-streams" : engine.ToString().ToLowerInvariant();

    /// <summary>The engine named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static NexmarkEngine? FromCliName(string name)
    {
        foreach (var engine in Enum.GetValues<NexmarkEngine>())
        {
            if (string.Equals(engine.CliName(), name, StringComparison.OrdinalIgnoreCase))
                return engine;
        }
        return null;
    }
}

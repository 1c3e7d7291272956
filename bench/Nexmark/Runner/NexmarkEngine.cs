namespace ActorStream.Bench.Nexmark.Runner;

/// <summary>What runs a query; the CLI spells each in lower case.</summary>
public enum NexmarkEngine
{
    /// <summary>The query's DataStream pipeline on ActorStream's embedded one-process cluster.</summary>
    ActorStream,

    /// <summary>The query hand-written as one single-threaded loop over the generated events: what the hardware allows.</summary>
    Loop,
}

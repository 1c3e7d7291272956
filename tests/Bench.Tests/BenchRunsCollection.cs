namespace ActorStream.Bench.Tests;

/// <summary>Tests that start job runs (each with its own local cluster) run one after another, not competing for the cores.</summary>
[CollectionDefinition(Name)]
public sealed class BenchRunsCollection
{
    public const string Name = "bench runs";
}

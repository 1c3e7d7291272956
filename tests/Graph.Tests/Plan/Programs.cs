using ActorStream.Graph.Plan;
using ActorStream.Graph.Tests.Harness;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>Environments and helpers shared by the planner tests; no program here is executed.</summary>
internal static class Programs
{
    /// <summary>An environment with an explicit default parallelism (the built-in default is the core count).</summary>
    public static StreamExecutionEnvironment Env(int parallelism = 2)
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = parallelism;
        return env;
    }

    /// <summary>A sink that is never written to.</summary>
    public static RecordingSink<T> Sink<T>() => new();

    /// <summary>The names of a job graph's vertices, in topological order.</summary>
    public static string[] VertexNames(this JobGraph graph) => [.. graph.Vertices.Select(v => v.Name)];
}

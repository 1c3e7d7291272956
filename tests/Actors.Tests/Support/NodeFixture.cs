using ActorStream.Actors.Node;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>One local node shared by the tests of a class: starting a cluster member takes a moment.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public ActorStreamNode Node { get; private set; } = null!;

    public StreamExecutionEnvironment CreateEnvironment(int parallelism = 2)
    {
        var env = StreamExecutionEnvironment.Create(Node.Executor);
        env.Parallelism = parallelism;
        return env;
    }

    public async Task InitializeAsync() => Node = await ActorStreamNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

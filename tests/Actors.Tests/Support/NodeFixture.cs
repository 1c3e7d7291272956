using ActorStream.Actors.Node;
using ActorStream.Graph;
using ActorStream.Testing;

namespace ActorStream.Actors.Tests.Support;

/// <summary>
/// One local node shared by the tests of a class (starting a cluster member takes a moment): the
/// <see cref="MiniCluster"/> users get from ActorStream.Testing, on its own SQLite state store unless a
/// subclass gives another.
/// </summary>
public class NodeFixture : IAsyncLifetime
{
    private MiniCluster _cluster = null!;

    public ActorStreamNode Node => _cluster.Node;

    public StreamExecutionEnvironment CreateEnvironment(int parallelism = 2) => _cluster.CreateEnvironment(parallelism);

    public async Task InitializeAsync() => _cluster = await MiniCluster.StartAsync(stateDb: await StateDbAsync());

    public virtual async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>The <c>actorstream.state.db</c> value of the node; null: the mini-cluster's own SQLite file.</summary>
    protected virtual Task<string?> StateDbAsync() => Task.FromResult<string?>(null);
}

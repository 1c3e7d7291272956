using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Testing;

/// <summary>
/// A one-node ActorStream cluster in the test's process, as Flink's MiniClusterWithClientResource: start it once per test
/// class, create environments on it, run jobs and read their results from a <see cref="CollectSink{T}"/>. Its state
/// store is a SQLite file in a temporary folder of its own, deleted when the cluster is disposed.
/// </summary>
public sealed class MiniCluster : IAsyncDisposable
{
    private readonly string? _ownDirectory;

    private MiniCluster(ActorStreamNode node, string? ownDirectory)
    {
        Node = node;
        _ownDirectory = ownDirectory;
    }

    /// <summary>The node: its actor system, its executor, its settings.</summary>
    public ActorStreamNode Node { get; }

    /// <summary>
    /// Starts the node, with <paramref name="slots"/> slots (by default as many as its jobs need); <paramref name="stateDb"/>
    /// is an <c>actorstream.state.db</c> value (a SQLite path or a MySQL connection string), by default a fresh SQLite file.
    /// </summary>
    public static async Task<MiniCluster> StartAsync(int? slots = null, string? stateDb = null, CancellationToken cancellationToken = default)
    {
        var directory = stateDb is null ? Path.Combine(Path.GetTempPath(), "actorstream-minicluster", Guid.NewGuid().ToString("N")) : null;
        var config = ConfigurationFactory.ParseString($"""
            actorstream.state.db = {HoconText.Quote(stateDb ?? Path.Combine(directory!, "state.db"))}
            actorstream.node.slots = {slots?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}
            akka.cluster.singleton-proxy.log-singleton-identification-failure = off
            """);
        var node = await ActorStreamNode.StartAsync(config, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new MiniCluster(node, directory);
    }

    /// <summary>An environment whose jobs run on this cluster, with a default parallelism of <paramref name="parallelism"/>.</summary>
    public StreamExecutionEnvironment CreateEnvironment(int parallelism = 2)
    {
        var env = StreamExecutionEnvironment.Create(Node.Executor);
        env.Parallelism = parallelism;
        return env;
    }

    /// <summary>Stops the node and deletes its own state store.</summary>
    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync().ConfigureAwait(false);
        if (_ownDirectory is null || !Directory.Exists(_ownDirectory))
            return;
        try
        {
            Directory.Delete(_ownDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temporary folder goes eventually.
        }
    }
}

using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Actors.Tests.Support;

/// <summary>
/// One local node shared by the tests of a class: starting a cluster member takes a moment. Its
/// state store is a SQLite file of its own, deleted afterwards.
/// </summary>
public sealed class NodeFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorstream-tests", Guid.NewGuid().ToString("N"));

    public ActorStreamNode Node { get; private set; } = null!;

    /// <summary>The SQLite file of this node's state store.</summary>
    public string StateDb => Path.Combine(_directory, "state.db");

    public StreamExecutionEnvironment CreateEnvironment(int parallelism = 2)
    {
        var env = StreamExecutionEnvironment.Create(Node.Executor);
        env.Parallelism = parallelism;
        return env;
    }

    public async Task InitializeAsync() =>
        Node = await ActorStreamNode.StartAsync(ConfigurationFactory.ParseString($"actorstream.state.db = {HoconText.Quote(StateDb)}"));

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing connection: the temp folder is cleaned up eventually.
        }
    }
}

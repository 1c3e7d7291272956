using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Actors.Tests.Support;

/// <summary>
/// One local node shared by the tests of a class: starting a cluster member takes a moment. Its
/// state store is a SQLite file of its own (deleted afterwards), unless a subclass gives another.
/// </summary>
public class NodeFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorstream-tests", Guid.NewGuid().ToString("N"));

    public ActorStreamNode Node { get; private set; } = null!;

    public StreamExecutionEnvironment CreateEnvironment(int parallelism = 2)
    {
        var env = StreamExecutionEnvironment.Create(Node.Executor);
        env.Parallelism = parallelism;
        return env;
    }

    public async Task InitializeAsync()
    {
        var stateDb = await StateDbAsync();
        Node = await ActorStreamNode.StartAsync(ConfigurationFactory.ParseString($"actorstream.state.db = {HoconText.Quote(stateDb)}"));
    }

    public virtual async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        try
        {
            if (Directory.Exists(_directory))
                Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing connection: the temp folder is cleaned up eventually.
        }
    }

    /// <summary>The <c>actorstream.state.db</c> value of the node.</summary>
    protected virtual Task<string> StateDbAsync() => Task.FromResult(Path.Combine(_directory, "state.db"));
}

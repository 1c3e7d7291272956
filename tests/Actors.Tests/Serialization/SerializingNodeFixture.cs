using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// A local node that serializes and deserializes every message it delivers
/// (<c>akka.actor.serialize-messages = on</c>), as if every actor lived on another node, with its own
/// SQLite state store. Akka's JSON fallback records what it serializes (<see cref="RecordingJsonSerializer"/>);
/// one local message of Akka.Persistence.Sql passes by reference (<see cref="PassByReferenceSerializer"/>).
/// </summary>
public sealed class SerializingNodeFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorstream-tests", Guid.NewGuid().ToString("N"));

    public ActorStreamNode Node { get; private set; } = null!;

    public StreamExecutionEnvironment CreateEnvironment(int parallelism)
    {
        var env = StreamExecutionEnvironment.Create(Node.Executor);
        env.Parallelism = parallelism;
        return env;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var config = ConfigurationFactory.ParseString($"""
            akka.actor.serialize-messages = on
            actorstream.state.db = {HoconText.Quote(Path.Combine(_directory, "state.db"))}
            {RecordingJsonSerializer.Config}
            {PassByReferenceSerializer.Config}
            """);
        Node = await ActorStreamNode.StartAsync(config);
    }

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

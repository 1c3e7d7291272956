using ActorStream.Actors.Client;
using ActorStream.Graph;
using ActorStream.Host.Logging;
using Akka.Configuration;

namespace ActorStream.Host;

/// <summary>Creates environments that run jobs on the embedded default: a one-process local cluster per job.</summary>
internal static class LocalEnvironment
{
    /// <summary>
    /// A new environment (serving the REST API when <paramref name="rest"/> is given) whose runtime logs at
    /// <paramref name="logLevel"/> (an Akka level such as WARNING) to standard error.
    /// </summary>
    public static StreamExecutionEnvironment Create(string logLevel = "WARNING", string? stateDb = null, Rest.RestSettings? rest = null,
        HostConsole? console = null)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka {
              loggers = ["{{typeof(StandardErrorLogger).AssemblyQualifiedName}}"]
              loglevel = {{logLevel}}
              stdout-loglevel = {{logLevel}}
            }
            """);
        if (stateDb is not null)
            config = ConfigurationFactory.ParseString($"actorstream.state.db = {ActorStream.Actors.Node.HoconText.Quote(stateDb)}").WithFallback(config);
        // With a REST port, the run's embedded node serves the same REST API a cluster node does.
        Func<ActorStream.Actors.Node.ActorStreamNode, CancellationToken, Task<IAsyncDisposable>>? attach = rest is null || console is null
            ? null
            : (node, cancellationToken) => Commands.NodeCommand.StartRestAsync(node, rest, console, cancellationToken);
        return StreamExecutionEnvironment.Create(new LocalJobExecutor(config, attach));
    }
}

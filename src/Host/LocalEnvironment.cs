using ActorStream.Actors.Client;
using ActorStream.Graph;
using ActorStream.Host.Logging;
using Akka.Configuration;

namespace ActorStream.Host;

/// <summary>Creates environments that run jobs on the embedded default: a one-process local cluster per job.</summary>
internal static class LocalEnvironment
{
    /// <summary>
    /// A new environment whose runtime logs at <paramref name="logLevel"/> (an Akka level such as WARNING) to
    /// standard error. The local executor is given explicitly rather than found by
    /// <see cref="StreamExecutionEnvironment.DefaultExecutorType"/>: the host references the runtime anyway.
    /// </summary>
    public static StreamExecutionEnvironment Create(string logLevel = "WARNING", string? stateDb = null)
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
        return StreamExecutionEnvironment.Create(new LocalJobExecutor(config));
    }
}

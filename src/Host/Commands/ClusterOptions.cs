using System.CommandLine;
using ActorStream.Actors.Client;

namespace ActorStream.Host.Commands;

/// <summary>The options of commands that talk to a running cluster: <c>--cluster</c>, and <c>--detached</c> for submissions.</summary>
internal sealed class ClusterOptions
{
    /// <summary>Contact points of the cluster.</summary>
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Talk to a running cluster through these nodes (host:port, comma-separated; the first that answers is used).",
        HelpName = "HOST:PORT[,HOST:PORT...]",
    };

    /// <summary>Return once the job is submitted.</summary>
    public Option<bool> Detached { get; } = new("--detached", "-d")
    {
        Description = "With --cluster: return once the job is accepted (prints its id); the job runs on without the client.",
    };

    /// <summary>Adds --cluster and --detached to a run command.</summary>
    public void AddSubmissionOptionsTo(Command command)
    {
        command.Options.Add(Cluster);
        command.Options.Add(Detached);
    }

    /// <summary>The contact points given with --cluster, or null for a local run.</summary>
    public IReadOnlyList<string>? ContactPointsOf(System.CommandLine.ParseResult parseResult) =>
        parseResult.GetValue(Cluster) is { } value ? ContactPoints.Split(value) : null;
}

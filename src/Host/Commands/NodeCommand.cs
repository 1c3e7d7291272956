using System.CommandLine;
using ActorStream.Actors.Client;
using ActorStream.Actors.Node;
using ActorStream.Host.Logging;
using Akka.Configuration;

namespace ActorStream.Host.Commands;

/// <summary>
/// <c>actorstream node</c>: a long-lived cluster node that offers slots and runs the jobs clients
/// submit. It runs until SIGINT/SIGTERM, then leaves the cluster gracefully: its subtasks restart on
/// the other nodes from the latest checkpoint.
/// </summary>
internal static class NodeCommand
{
    /// <summary>The remoting port a node listens on unless told otherwise.</summary>
    public const int DefaultPort = 4053;

    public static Command Create(HostConsole console)
    {
        var host = new Option<string>("--host") { Description = "Interface (and address other nodes reach) to listen on [default: 127.0.0.1].", HelpName = "HOST" };
        var port = new Option<int?>("--port")
        {
            Description = $"Remoting port [default: {DefaultPort}].",
            HelpName = "PORT",
            CustomParser = result => OptionParsers.Int(result, "--port", 1, 65535),
        };
        var seeds = new Option<string?>("--seeds")
        {
            Description = "Seed nodes to join (host:port or full Akka addresses, comma-separated); the first node of a cluster may list itself. Without seeds the node forms a cluster of its own.",
            HelpName = "HOST:PORT[,HOST:PORT...]",
        };
        var slots = new Option<int?>("--slots")
        {
            Description = $"Slots this node offers; a slot runs one subtask of each vertex of a job [default: the number of cores, {Environment.ProcessorCount}].",
            HelpName = "N",
            CustomParser = result => OptionParsers.Int(result, "--slots", 1, 10_000),
        };
        var stateDb = new Option<string?>("--state-db")
        {
            Description = "State store: a SQLite file (one-node clusters only) or a MySQL/MariaDB connection string shared by every node [default: ./data/actorstream.db].",
            HelpName = "PATH|CONNECTION-STRING",
        };
        var configFile = new Option<FileInfo?>("--config") { Description = "HOCON file with node settings (see hocon/cluster.conf); command-line flags win.", HelpName = "FILE.conf" };
        var logLevel = new ExecutionOptions().LogLevel;
        var rest = new RestOptions();
        var command = new Command("node", "Start a long-lived cluster node that runs submitted jobs; Ctrl+C or SIGTERM leaves the cluster gracefully.")
        {
            host, port, seeds, slots, stateDb, configFile, logLevel,
        };
        rest.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Config config;
            Rest.RestSettings? restSettings;
            try
            {
                config = NodeConfig(parseResult.GetValue(host), parseResult.GetValue(port), parseResult.GetValue(seeds),
                    parseResult.GetValue(slots), parseResult.GetValue(stateDb), parseResult.GetValue(configFile), parseResult.GetValue(logLevel)!);
                NodeSettings.Create(config); // validates every setting before a node starts, naming the key
                restSettings = rest.SettingsOf(parseResult, config.GetString(Rest.RestSettings.TokenKey, null) is { Length: > 0 } token ? token : null);
            }
            catch (Exception e) when (e is ConfigurationException or FormatException or IOException or ArgumentException)
            {
                return console.Fail(ExitCodes.InvalidInput, e.Message);
            }
            return await RunAsync(config, restSettings, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(Config config, Rest.RestSettings? restSettings, HostConsole console, CancellationToken cancellationToken)
    {
        ActorStreamNode node;
        try
        {
            node = await ActorStreamNode.StartAsync(config, ExecutionArguments.Catalog, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return console.Fail(ExitCodes.JobFailed, $"The node could not start: {e.GetType().Name}: {e.Message}");
        }
        IAsyncDisposable? rest = null;
        try
        {
            if (restSettings is not null)
                rest = await StartRestAsync(node, restSettings, console, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await node.DisposeAsync().ConfigureAwait(false);
            return console.Fail(ExitCodes.InvalidInput, $"--rest-port: {e.Message}");
        }
        await using var restServer = rest;
        var slots = node.Settings.Slots == Actors.Cluster.NodeSlots.Unlimited ? "unlimited" : node.Settings.Slots.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await console.Error.WriteLineAsync($"ActorStream node {node.Address} is up with {slots} slots (state store: {node.Settings.StateStore.Description}). " +
            $"Submit jobs with: actorstream run <job> --cluster {node.Address}").ConfigureAwait(false);
        var stopped = await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), node.System.WhenTerminated).ConfigureAwait(false);
        if (stopped == node.System.WhenTerminated)
        {
            // The split brain resolver downed this node (it was cut off from the majority): it cannot run subtasks any more.
            return console.Fail(ExitCodes.JobFailed, $"Node {node.Address} was removed from the cluster (downed) and stopped; start it again to rejoin.");
        }
        await console.Error.WriteLineAsync($"Node {node.Address} is leaving the cluster...").ConfigureAwait(false);
        await node.DisposeAsync().ConfigureAwait(false);
        await console.Error.WriteLineAsync($"Node {node.Address} left the cluster.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Serves the REST API of <paramref name="node"/> and says where.</summary>
    internal static async Task<IAsyncDisposable> StartRestAsync(ActorStreamNode node, Rest.RestSettings settings, HostConsole console,
        CancellationToken cancellationToken)
    {
        var server = await Rest.RestServer.StartAsync(settings, ClusterConnection.Local(node), cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"REST API on {server.Address}" + (settings.Token is null ? "" : " (changes need the bearer token)"))
            .ConfigureAwait(false);
        return server;
    }

    /// <summary>The node's HOCON: flags first, then the --config file, then the reference.</summary>
    internal static Config NodeConfig(string? host, int? port, string? seeds, int? slots, string? stateDb, FileInfo? file, string logLevel)
    {
        var lines = new List<string>
        {
            $"akka.loggers = [\"{typeof(TimestampedStandardErrorLogger).AssemblyQualifiedName}\"]",
            $"akka.loglevel = {logLevel}",
            $"akka.stdout-loglevel = {logLevel}",
        };
        if (host is not null)
            lines.Add($"actorstream.node.hostname = {HoconText.Quote(host)}");
        if (port is { } p)
            lines.Add($"actorstream.node.port = {p}");
        if (seeds is not null)
            lines.Add($"actorstream.node.seed-nodes = [{string.Join(", ", ContactPoints.Split(seeds).Select(s => HoconText.Quote(ContactPoints.ToAddress(s).ToString())))}]");
        if (slots is { } s)
            lines.Add($"actorstream.node.slots = {s}");
        if (stateDb is not null)
            lines.Add($"actorstream.state.db = {HoconText.Quote(stateDb)}");
        var fileConfig = file is null ? Config.Empty
            : file.Exists ? ConfigurationFactory.ParseString(File.ReadAllText(file.FullName))
            : throw new IOException($"--config: the file '{file.FullName}' does not exist.");
        // A node's own defaults, where neither flags nor the file say otherwise: a fixed port and one slot per core.
        var nodeDefaults = ConfigurationFactory.ParseString($"""
            actorstream.node.port = {DefaultPort}
            actorstream.node.slots = {Environment.ProcessorCount}
            actorstream.node.durable-jobs = on
            """);
        return ConfigurationFactory.ParseString(string.Join("\n", lines)).WithFallback(fileConfig).WithFallback(nodeDefaults);
    }
}

using System.CommandLine;
using ActorStream.Connectors.Kafka;
using ActorStream.Host.Dev;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream dev kafka</c>: a Kafka for development that needs nothing installed (librdkafka's mock cluster).</summary>
internal static class DevCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console) => new("dev", "Development servers that need nothing installed.")
    {
        Subcommands = { CreateKafka(console) },
    };

    private static Command CreateKafka(HostConsole console)
    {
        var port = new Option<int>("--port")
        {
            Description = "The loopback port clients connect to.",
            HelpName = "PORT",
            DefaultValueFactory = _ => 9092,
            CustomParser = result => OptionParsers.Int(result, "--port", 0, 65535),
        };
        var topics = new Option<string[]>("--topic")
        {
            Description = "A topic to create, NAME or NAME:PARTITIONS (repeatable). Others are created on first use with 4 partitions.",
            HelpName = "NAME[:PARTITIONS]",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("kafka",
            "Run a development Kafka (librdkafka's mock cluster, one broker) on 127.0.0.1 until Ctrl+C. Not for production: " +
            "its transactions are not real and it keeps only a few MiB per partition.")
        {
            Options = { port, topics },
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var wanted = new List<(string Name, int Partitions)>();
            foreach (var topic in parseResult.GetValue(topics) ?? [])
            {
                var parts = topic.Split(':');
                if (parts[0].Length == 0 || parts.Length > 2 || (parts.Length == 2 && !(int.TryParse(parts[1], out var n) && n > 0)))
                    return console.Fail(ExitCodes.InvalidInput, $"--topic: '{topic}' is not NAME or NAME:PARTITIONS (a positive number).");
                wanted.Add((parts[0], parts.Length == 2 ? int.Parse(parts[1]) : 1));
            }
            using var cluster = new KafkaMockCluster();
            TcpForwarder forwarder;
            try
            {
                forwarder = new TcpForwarder(parseResult.GetValue(port), BrokerPort(cluster.BootstrapServers));
            }
            catch (System.Net.Sockets.SocketException e)
            {
                return console.Fail(ExitCodes.InvalidInput, $"--port: cannot listen on 127.0.0.1:{parseResult.GetValue(port)} ({e.Message}); pick another port.");
            }
            await using (forwarder)
            {
                cluster.Advertise(1, "127.0.0.1", forwarder.Port);
                foreach (var (name, partitions) in wanted)
                    cluster.CreateTopic(name, partitions);
                await console.Out.WriteLineAsync($"Kafka (development) on 127.0.0.1:{forwarder.Port}   --bootstrap-servers 127.0.0.1:{forwarder.Port}");
                foreach (var (name, partitions) in wanted)
                    await console.Out.WriteLineAsync($"  topic {name}: {partitions} partition(s)");
                await console.Out.WriteLineAsync(
                    "It is librdkafka's mock cluster, for development only: transactions are not real (read_committed readers also see " +
                    "aborted records, offsets sent in a transaction are dropped), each partition keeps only its last few MiB, nothing is " +
                    "kept after it stops, and topics not created with --topic appear on first use with 4 partitions. Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static int BrokerPort(string bootstrapServers) => int.Parse(bootstrapServers.Split(',')[0].Split(':')[^1]);
}

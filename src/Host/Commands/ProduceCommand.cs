using System.CommandLine;
using ActorStream.Connectors.Kafka;
using ActorStream.Examples.Clicks;
using Confluent.Kafka;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream produce clicks</c>: generated click events (or a file's lines) into a Kafka topic.</summary>
internal static class ProduceCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console) => new("produce", "Produce test data into Kafka.")
    {
        Subcommands = { CreateClicks(console) },
    };

    private static Command CreateClicks(HostConsole console)
    {
        var bootstrap = new Option<string>("--bootstrap-servers") { Description = "Kafka brokers host:port[,...].", HelpName = "H:P", Required = true };
        var topic = new Option<string>("--topic") { Description = "The topic; created when missing.", HelpName = "T", Required = true };
        var partitions = new Option<int>("--partitions")
        {
            Description = "Partitions of the topic when it is created.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = result => OptionParsers.Int(result, "--partitions", 1, 10_000),
        };
        var rate = new Option<double?>("--rate")
        {
            Description = "Events per second (also the pace of their event time); as fast as possible when not given.",
            HelpName = "R",
            CustomParser = result => OptionParsers.PositiveNumber(result, "--rate"),
        };
        var count = new Option<int>("--count")
        {
            Description = "How many events; 0 for no end (until Ctrl+C).",
            HelpName = "N",
            DefaultValueFactory = _ => 10_000,
            CustomParser = result => OptionParsers.Int(result, "--count", 0, int.MaxValue),
        };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", HelpName = "S", DefaultValueFactory = _ => 42 };
        var input = new Option<FileInfo?>("--input") { Description = "Publish the lines of this file instead of generated events.", HelpName = "FILE" };
        var command = new Command("clicks",
            "Produce Amazon-style click events as JSON lines (key: item): users, items, clicks/carts/buys, prices, event time now onwards, " +
            "some out of order and late, some malformed.")
        {
            Options = { bootstrap, topic, partitions, rate, count, seed, input },
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(input);
            if (file is { Exists: false })
                return console.Fail(ExitCodes.InvalidInput, $"--input: '{file.FullName}' does not exist.");
            var servers = parseResult.GetValue(bootstrap)!;
            var name = parseResult.GetValue(topic)!;
            int actual;
            try
            {
                actual = KafkaTopics.Ensure(servers, name, parseResult.GetValue(partitions));
            }
            catch (Exception e) when (e is KafkaException or InvalidOperationException)
            {
                return console.Fail(ExitCodes.InvalidInput, $"Kafka at {servers}: {e.Message}");
            }
            var lines = file is not null ? FileLines(file) : Generated(parseResult.GetValue(seed), parseResult.GetValue(rate), parseResult.GetValue(count));
            long produced;
            try
            {
                produced = await ProduceAsync(servers, name, lines, parseResult.GetValue(rate), cancellationToken);
            }
            catch (Exception e) when (e is KafkaException or InvalidOperationException)
            {
                return console.Fail(ExitCodes.JobFailed, $"Producing to '{name}' on {servers} failed: {e.Message}");
            }
            await console.Out.WriteLineAsync($"Produced {produced} record(s) to '{name}' ({actual} partition(s)) on {servers}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string? Key, string Line)> FileLines(FileInfo file) =>
        File.ReadLines(file.FullName).Where(l => l.Length > 0).Select(l => ((string?)null, l));

    private static IEnumerable<(string? Key, string Line)> Generated(int seed, double? rate, int count)
    {
        var generator = new ClickLines(seed, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), rate ?? 1_000);
        for (long i = 0; count == 0 || i < count; i++)
            yield return generator.Line(i);
    }

    private static async Task<long> ProduceAsync(string servers, string topic, IEnumerable<(string? Key, string Line)> lines, double? rate,
        CancellationToken cancellationToken)
    {
        KafkaNative.EnsureLoaded();
        using var producer = new ProducerBuilder<string?, string>(new ProducerConfig { BootstrapServers = servers, LingerMs = 5, EnableIdempotence = true })
            .SetLogHandler((_, _) => { }).Build();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Error? failure = null;
        long produced = 0;
        foreach (var (key, line) in lines)
        {
            if (cancellationToken.IsCancellationRequested || failure is not null)
                break;
            if (rate is { } r && produced / r - started.Elapsed.TotalSeconds is var ahead && ahead > 0)
                await Task.Delay(TimeSpan.FromSeconds(ahead), cancellationToken).ContinueWith(_ => { });
            while (true)
            {
                try
                {
                    producer.Produce(topic, new Message<string?, string> { Key = key, Value = line }, report =>
                    {
                        if (report.Error.IsError)
                            failure ??= report.Error;
                    });
                    break;
                }
                catch (ProduceException<string?, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
            produced++;
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        if (failure is not null)
            throw new InvalidOperationException($"Kafka did not take a record: {failure.Reason}.");
        return produced;
    }
}

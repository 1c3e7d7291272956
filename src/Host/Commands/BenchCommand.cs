using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Nexmark.Runner;
using ActorStream.Graph.Keys;

namespace ActorStream.Host.Commands;

/// <summary><c>actorstream bench nexmark</c>: runs a Nexmark query on ActorStream or on its loop baseline and reports events/s.</summary>
internal static class BenchCommand
{
    /// <summary>The default number of events: 10 to 20 s of work for either engine on a 2-core machine.</summary>
    public const long DefaultEvents = 50_000_000;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(HostConsole console) => new("bench", "Run benchmarks with their baselines.")
    {
        Subcommands = { CreateNexmark(console) },
    };

    private static Command CreateNexmark(HostConsole console)
    {
        var queryNames = string.Join('|', NexmarkQueries.All.Select(q => q.Name));
        var query = new Option<NexmarkQuery>("--query", "-q")
        {
            Description = "The query: " + string.Join(", ", NexmarkQueries.All.Select(q => $"{q.Name} ({q.Title})")) + ".",
            HelpName = queryNames,
            Required = true,
            CustomParser = ParseQuery,
        };
        var events = new Option<long>("--events", "-n")
        {
            Description = "Number of generated events (persons, auctions and bids 1:3:46).",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultEvents,
            CustomParser = result => ParseLong(result, "--events", 1),
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Generator seed; 0 seeds event i's java.util.Random with i, as Beam's Nexmark generator does.",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
            CustomParser = result => ParseLong(result, "--seed", long.MinValue),
        };
        var parallelism = new Option<int?>("--parallelism", "-p")
        {
            Description = "Parallelism of the ActorStream pipeline [default: the number of cores]; the loop is single-threaded.",
            HelpName = "P",
            CustomParser = result => OptionParsers.Int(result, "--parallelism", 1, KeyGroupRangeAssignment.UpperBoundMaxParallelism),
        };
        // A string option, so that help shows the default as it is typed.
        var engine = new Option<string>("--engine", "-e")
        {
            Description = "actorstream: the DataStream pipeline on the embedded cluster; loop: the query as one hand-written loop.",
            HelpName = "actorstream|loop",
            DefaultValueFactory = _ => EngineName(NexmarkEngine.ActorStream),
            CustomParser = result => EngineName(ParseEngine(result)),
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for the result rows as JSON lines [default: results are counted and discarded].",
            HelpName = "DIR",
        };
        var dumpEvents = new Option<string?>("--dump-events")
        {
            Description = "Also write the generated events to this file as JSON lines (before the timed run).",
            HelpName = "PATH",
        };
        var json = new Option<string?>("--json")
        {
            Description = "Write the measurement to this file as JSON.",
            HelpName = "PATH",
        };

        var command = new Command("nexmark", $"Run a Nexmark query ({queryNames}) over generated events and report events/s; Ctrl+C cancels it.")
        {
            query, events, seed, parallelism, engine, output, dumpEvents, json,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new NexmarkBenchRun(parseResult.GetValue(query)!, Enum.Parse<NexmarkEngine>(parseResult.GetValue(engine)!, ignoreCase: true),
                parseResult.GetValue(events),
                parseResult.GetValue(seed), parseResult.GetValue(parallelism), parseResult.GetValue(output),
                parseResult.GetValue(dumpEvents), parseResult.GetValue(json));
            return new NexmarkBenchRunner(run, console).RunAsync(cancellationToken);
        });
        return command;
    }

    private static NexmarkQuery ParseQuery(ArgumentResult result)
    {
        var text = Token(result);
        if (NexmarkQueries.Find(text) is { } query)
            return query;
        result.AddError($"--query: '{text}' is not an implemented Nexmark query; use {string.Join(", ", NexmarkQueries.All.Select(q => q.Name))}.");
        return NexmarkQueries.All[0];
    }

    private static NexmarkEngine ParseEngine(ArgumentResult result)
    {
        var text = Token(result);
        foreach (var engine in Enum.GetValues<NexmarkEngine>())
        {
            if (string.Equals(EngineName(engine), text, StringComparison.OrdinalIgnoreCase))
                return engine;
        }
        result.AddError($"--engine: '{text}' is not an engine; use {string.Join(" or ", Enum.GetValues<NexmarkEngine>().Select(EngineName))}.");
        return NexmarkEngine.ActorStream;
    }

    private static string EngineName(NexmarkEngine engine) => engine.ToString().ToLowerInvariant();

    private static long ParseLong(ArgumentResult result, string option, long min)
    {
        var text = Token(result);
        if (long.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= min)
            return value;
        result.AddError(min == long.MinValue
            ? $"{option}: '{text}' is not a whole number."
            : $"{option}: '{text}' is not a whole number of at least {min}.");
        return Math.Max(min, 0);
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}

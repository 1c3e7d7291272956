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
            Description = "actorstream: the DataStream pipeline on the embedded cluster; loop: the query as one hand-written loop; " +
                          "akka-streams: the query on plain Akka.Streams.",
            HelpName = "actorstream|loop|akka-streams",
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
        var checkpointInterval = new Option<TimeSpan?>("--checkpoint-interval")
        {
            Description = "actorstream only: take exactly-once checkpoints this often (e.g. 200ms, 10s) into a temporary SQLite state store [default: none].",
            HelpName = "DURATION",
            CustomParser = result => OptionParsers.Duration(result, "--checkpoint-interval", TimeSpan.FromMilliseconds(10)),
        };
        var rate = new Option<double?>("--rate")
        {
            Description = "With --latency: pace the generator to this many events per second in total [default: as fast as they are read].",
            HelpName = "EVENTS/S",
            CustomParser = result => OptionParsers.PositiveNumber(result, "--rate"),
        };
        var latency = new Option<bool>("--latency")
        {
            Description = "q1 on actorstream or loop: measure each result's latency from its event's emission to the sink (p50, p99, max).",
        };

        var nodes = new Option<int>("--nodes")
        {
            Description = "actorstream only: spread the job over this many node processes on 127.0.0.1 (this one and children of it), " +
                          "each offering an equal share of the parallelism's slots [default: 1].",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = result => OptionParsers.Int(result, "--nodes", 1, MaxNodes),
        };

        var logLevel = ExecutionOptions.LogLevelOption("actorstream only. ");

        var command = new Command("nexmark", $"Run a Nexmark query ({queryNames}) over generated events and report events/s; Ctrl+C cancels it.")
        {
            query, events, seed, parallelism, engine, output, dumpEvents, json, checkpointInterval, rate, latency, nodes, logLevel,
        };
        // The exchange's settings, so that a sweep over them needs no rebuild (bench/exchange-sweep.sh).
        var exchange = new ExchangeOptions();
        exchange.AddTo(command);
        command.Validators.Add(result =>
        {
            var engineName = GivenToken(result, engine) ?? EngineName(NexmarkEngine.ActorStream);
            if (IsEngine(engineName, NexmarkEngine.ActorStream))
                return;
            foreach (var option in new Option[] { exchange.BatchSize, exchange.Credits, exchange.BatchTimeout, exchange.BatchBytes })
            {
                if (IsGiven(result, option))
                    result.AddError($"{option.Name}: only the {EngineName(NexmarkEngine.ActorStream)} engine has an exchange, not {engineName}.");
            }
            if (IsGiven(result, logLevel))
                result.AddError($"--log-level: only the {EngineName(NexmarkEngine.ActorStream)} engine has a runtime that logs, not {engineName}.");
        });
        // Raw tokens, not values: command validators run before the options' own parsers, whose errors they must not repeat.
        command.Validators.Add(result => Validate(result, GivenToken(result, query), GivenToken(result, engine),
            IsGiven(result, checkpointInterval), IsGiven(result, rate), IsGiven(result, latency), IsGiven(result, output)));
        command.Validators.Add(result => ValidateNodes(result, GivenToken(result, engine), GivenToken(result, nodes), GivenToken(result, parallelism),
            IsGiven(result, latency)));
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = new NexmarkBenchRun(parseResult.GetValue(query)!, NexmarkEngineNames.FromCliName(parseResult.GetValue(engine)!)!.Value,
                parseResult.GetValue(events),
                parseResult.GetValue(seed), parseResult.GetValue(parallelism), parseResult.GetValue(output),
                parseResult.GetValue(dumpEvents), parseResult.GetValue(json))
            {
                CheckpointInterval = parseResult.GetValue(checkpointInterval),
                Rate = parseResult.GetValue(rate),
                Latency = parseResult.GetValue(latency),
                Nodes = parseResult.GetValue(nodes),
                Exchange = exchange.Arguments(parseResult),
                LogLevel = parseResult.GetValue(logLevel)!,
            };
            return new NexmarkBenchRunner(run, console).RunAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>Rejects combinations of options that the measurements do not support, naming the option.</summary>
    private static void Validate(CommandResult result, string? query, string? engine, bool checkpoints, bool rate, bool latency, bool output)
    {
        var actorStream = EngineName(NexmarkEngine.ActorStream);
        var loop = EngineName(NexmarkEngine.Loop);
        engine ??= actorStream;
        if (checkpoints && !IsEngine(engine, NexmarkEngine.ActorStream))
            result.AddError($"--checkpoint-interval: only the {actorStream} engine takes checkpoints, not {engine}.");
        if (rate && !latency)
            result.AddError("--rate: paces the source of a latency run; add --latency.");
        if (!latency)
            return;
        if (query is not null && !string.Equals(query, "q1", StringComparison.OrdinalIgnoreCase))
            result.AddError($"--latency: measured for q1 only, not {query}.");
        if (!IsEngine(engine, NexmarkEngine.ActorStream) && !IsEngine(engine, NexmarkEngine.Loop))
            result.AddError($"--latency: measured on the {actorStream} and {loop} engines, not {engine}.");
        if (output)
            result.AddError("--latency: results are discarded in a latency run; leave out --output.");
    }

    /// <summary>The most node processes <c>--nodes</c> starts on one machine.</summary>
    private const int MaxNodes = 8;

    /// <summary>Rejects <c>--nodes</c> above 1 where the job could not be spread: another engine, a latency run, too few subtasks.</summary>
    private static void ValidateNodes(CommandResult result, string? engine, string? nodesToken, string? parallelismToken, bool latency)
    {
        if (!int.TryParse(nodesToken, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nodes) || nodes <= 1)
            return;
        var actorStream = EngineName(NexmarkEngine.ActorStream);
        if (engine is not null && !IsEngine(engine, NexmarkEngine.ActorStream))
            result.AddError($"--nodes: only the {actorStream} engine runs on several nodes, not {engine}.");
        if (latency)
            result.AddError("--nodes: a latency run records its results in this process; measure latency on one node.");
        var parallelism = int.TryParse(parallelismToken, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : Environment.ProcessorCount;
        if (parallelism < nodes)
            result.AddError($"--nodes {nodes}: at parallelism {parallelism} some node would run no subtask; give --parallelism {nodes} or more.");
    }

    private static bool IsEngine(string name, NexmarkEngine engine) => string.Equals(name, EngineName(engine), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="option"/> was given on the command line.</summary>
    private static bool IsGiven(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    /// <summary>The text given for <paramref name="option"/>, or null when it was not given.</summary>
    private static string? GivenToken(CommandResult result, Option option) =>
        result.GetResult(option) is { Implicit: false, Tokens.Count: > 0 } given ? given.Tokens[0].Value : null;


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
        result.AddError($"--engine: '{text}' is not an engine; use {string.Join(", ", Enum.GetValues<NexmarkEngine>().Select(EngineName))}.");
        return NexmarkEngine.ActorStream;
    }

    private static string EngineName(NexmarkEngine engine) => engine.CliName();

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

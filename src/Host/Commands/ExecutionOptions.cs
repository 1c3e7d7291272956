using System.CommandLine;
using System.CommandLine.Parsing;
using ActorStream.Graph;
using ActorStream.Graph.Keys;

namespace ActorStream.Host.Commands;

/// <summary>The options every job run shares: parallelism, max parallelism, runtime mode, checkpoints and state.</summary>
internal sealed class ExecutionOptions
{
    /// <summary>How often checkpoints are taken; absent means no checkpoints.</summary>
    public Option<TimeSpan?> CheckpointInterval { get; } = new("--checkpoint-interval")
    {
        Description = "Take a checkpoint this often (e.g. 200ms, 10s); sinks then commit exactly once [default: no checkpoints].",
        HelpName = "DURATION",
        CustomParser = result => OptionParsers.Duration(result, "--checkpoint-interval", TimeSpan.FromMilliseconds(10)),
    };

    /// <summary>Exactly-once or at-least-once barriers.</summary>
    public Option<CheckpointingMode?> CheckpointMode { get; } = new("--checkpoint-mode")
    {
        Description = "Checkpoint guarantee: exactly-once (aligned barriers) or at-least-once [default: exactly-once].",
        HelpName = "exactly-once|at-least-once",
        CustomParser = ParseCheckpointMode,
    };

    /// <summary>Where checkpoints and keyed state are stored.</summary>
    public Option<string?> StateDb { get; } = new("--state-db")
    {
        Description = "State store: a SQLite file, or a MySQL/MariaDB connection string (\"Server=...;Database=...;User ID=...\") [default: ./data/actorstream.db].",
        HelpName = "PATH|CONNECTION-STRING",
    };

    /// <summary>The checkpoint or savepoint to start from.</summary>
    public Option<string?> FromSavepoint { get; } = new("--from-savepoint")
    {
        Description = "Start from a checkpoint or savepoint in the state store: latest, a checkpoint id, or job-name/id.",
        HelpName = "latest|ID|JOB/ID",
    };

    /// <summary>Drop state of operators the job no longer has.</summary>
    public Option<bool> AllowNonRestoredState { get; } = new("--allow-non-restored-state")
    {
        Description = "With --from-savepoint: skip state of operators (by uid) that the job no longer has, instead of failing.",
    };

    /// <summary>The default parallelism of operators.</summary>
    public Option<int?> Parallelism { get; } = new("--parallelism", "-p")
    {
        Description = "Default parallelism of operators [default: the number of cores].",
        HelpName = "N",
        CustomParser = result => OptionParsers.Int(result, "--parallelism", 1, KeyGroupRangeAssignment.UpperBoundMaxParallelism),
    };

    /// <summary>The number of key groups.</summary>
    public Option<int?> MaxParallelism { get; } = new("--max-parallelism")
    {
        Description = $"Number of key groups, the upper bound for rescaling [default: {KeyGroupRangeAssignment.DefaultMaxParallelism}].",
        HelpName = "N",
        CustomParser = result => OptionParsers.Int(result, "--max-parallelism", 1, KeyGroupRangeAssignment.UpperBoundMaxParallelism),
    };

    /// <summary>The runtime mode.</summary>
    public Option<RuntimeExecutionMode?> Mode { get; } = new("--mode")
    {
        Description = "Runtime mode: streaming, batch, or automatic, which is batch when every source is bounded [default: automatic].",
        HelpName = "streaming|batch|automatic",
        CustomParser = ParseMode,
    };

    /// <summary>How much the runtime logs to stderr.</summary>
    public Option<string> LogLevel { get; } = LogLevelOption();

    /// <summary>A <c>--log-level</c> option (run, node, bench): its description after <paramref name="scope"/>, parsed to an Akka level.</summary>
    public static Option<string> LogLevelOption(string scope = "") => new("--log-level")
    {
        Description = $"{scope}Runtime log level on stderr: error, warning, info (each checkpoint's duration and size) or debug.",
        HelpName = "error|warning|info|debug",
        DefaultValueFactory = _ => "warning",
        CustomParser = ParseLogLevel,
    };

    /// <summary>The exchange's batching and flow-control options.</summary>
    public ExchangeOptions Exchange { get; } = new();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Parallelism);
        command.Options.Add(MaxParallelism);
        command.Options.Add(Mode);
        command.Options.Add(CheckpointInterval);
        command.Options.Add(CheckpointMode);
        command.Options.Add(StateDb);
        command.Options.Add(FromSavepoint);
        command.Options.Add(AllowNonRestoredState);
        command.Options.Add(LogLevel);
        Exchange.AddTo(command);
        command.Validators.Add(result =>
        {
            // As in Flink: the key groups bound the parallelism; running below what was asked for would hide the mistake.
            // Read from the tokens: GetValue would throw for a value its own parser already refused.
            if (GivenInt(result, Parallelism) is { } parallelism && GivenInt(result, MaxParallelism) is { } max && parallelism > max)
                result.AddError($"--parallelism {parallelism} is above --max-parallelism {max} (the number of key groups bounds the parallelism): " +
                    "raise --max-parallelism or lower --parallelism.");
        });
    }

    private static int? GivenInt(CommandResult result, Option<int?> option) =>
        result.GetResult(option) is { Tokens: [var token, ..] }
        && int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The Akka log level of the run.</summary>
    public string LogLevelOf(ParseResult parseResult) => parseResult.GetValue(LogLevel) ?? "WARNING";

    /// <summary>The state store the run uses, or null for the default.</summary>
    public string? StateDbOf(ParseResult parseResult) => parseResult.GetValue(StateDb);

    /// <summary>Adds the parsed values to a job's arguments (<see cref="ExecutionArguments"/> applies them where the graph is built).</summary>
    public void AddArguments(ParseResult parseResult, IDictionary<string, string> arguments)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (parseResult.GetValue(MaxParallelism) is { } maxParallelism)
            arguments[ExecutionArguments.MaxParallelism] = maxParallelism.ToString(invariant);
        if (parseResult.GetValue(Parallelism) is { } parallelism)
            arguments[ExecutionArguments.Parallelism] = parallelism.ToString(invariant);
        if (parseResult.GetValue(Mode) is { } mode)
            arguments[ExecutionArguments.Mode] = mode.ToString().ToLowerInvariant();
        if (parseResult.GetValue(CheckpointInterval) is { } interval)
            arguments[ExecutionArguments.CheckpointInterval] = $"{interval.TotalMilliseconds.ToString(invariant)}ms";
        if (parseResult.GetValue(CheckpointMode) is { } checkpointMode)
            arguments[ExecutionArguments.CheckpointMode] = checkpointMode == CheckpointingMode.ExactlyOnce ? "exactly-once" : "at-least-once";
        if (parseResult.GetValue(FromSavepoint) is { } pointer)
            arguments[ExecutionArguments.FromSavepoint] = pointer;
        if (parseResult.GetValue(AllowNonRestoredState))
            arguments[ExecutionArguments.AllowNonRestoredState] = "true";
        foreach (var (name, value) in Exchange.Arguments(parseResult))
            arguments[name] = value;
    }

    private static string ParseLogLevel(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (text.ToLowerInvariant() is "error" or "warning" or "info" or "debug")
            return text.ToUpperInvariant();
        result.AddError($"--log-level: '{text}' is not a log level; use error, warning, info or debug.");
        return "WARNING";
    }


    private static CheckpointingMode? ParseCheckpointMode(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "exactly-once": return CheckpointingMode.ExactlyOnce;
            case "at-least-once": return CheckpointingMode.AtLeastOnce;
            default:
                result.AddError($"--checkpoint-mode: '{text}' is not a checkpoint mode; use exactly-once or at-least-once.");
                return null;
        }
    }

    private static RuntimeExecutionMode? ParseMode(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "streaming": return RuntimeExecutionMode.Streaming;
            case "batch": return RuntimeExecutionMode.Batch;
            case "automatic": return RuntimeExecutionMode.Automatic;
            default:
                result.AddError($"--mode: '{text}' is not a runtime mode; use streaming, batch or automatic.");
                return RuntimeExecutionMode.Automatic;
        }
    }
}

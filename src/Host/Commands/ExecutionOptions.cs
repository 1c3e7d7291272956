using System.CommandLine;
using System.CommandLine.Parsing;
using ActorStream.Graph;
using ActorStream.Graph.Keys;

namespace ActorStream.Host.Commands;

/// <summary>The options every job run shares: parallelism, max parallelism and runtime mode.</summary>
internal sealed class ExecutionOptions
{
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

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Parallelism);
        command.Options.Add(MaxParallelism);
        command.Options.Add(Mode);
    }

    /// <summary>Applies the parsed values to <paramref name="env"/>.</summary>
    public void Apply(ParseResult parseResult, StreamExecutionEnvironment env)
    {
        if (parseResult.GetValue(MaxParallelism) is { } maxParallelism)
            env.MaxParallelism = maxParallelism;
        if (parseResult.GetValue(Parallelism) is { } parallelism)
            env.Parallelism = parallelism;
        if (parseResult.GetValue(Mode) is { } mode)
            env.RuntimeMode = mode;
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

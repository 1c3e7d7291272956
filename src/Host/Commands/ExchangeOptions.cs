using System.CommandLine;
using System.Globalization;

namespace ActorStream.Host.Commands;

/// <summary>The exchange's batching and flow-control options of a job run: batch size, credits, batch timeout and local batch bytes.</summary>
internal sealed class ExchangeOptions
{
    /// <summary>The largest batch size the options accept: a batch's arrays come from a shared pool.</summary>
    public const int MaxBatchSize = 1 << 16;

    /// <summary>The most credits per channel the options accept.</summary>
    public const int MaxCredits = 64;

    /// <summary>Records per batch between subtasks.</summary>
    public Option<int?> BatchSize { get; } = new("--batch-size")
    {
        Description = "Records per batch between subtasks; a batch is sent when it holds this many, or on a flush (to another node: up to 16 times as many small records, within 64 KiB) [default: 1024].",
        HelpName = "N",
        CustomParser = result => OptionParsers.Int(result, "--batch-size", 1, MaxBatchSize),
    };

    /// <summary>Batches in flight per input channel.</summary>
    public Option<int?> Credits { get; } = new("--credits")
    {
        Description = "Batches each input channel of a subtask may have in flight (credit-based flow control) [default: 2].",
        HelpName = "N",
        CustomParser = result => OptionParsers.Int(result, "--credits", 1, MaxCredits),
    };

    /// <summary>How long a partly filled batch waits.</summary>
    public Option<TimeSpan?> BatchTimeout { get; } = new("--batch-timeout")
    {
        Description = "How long a partly filled batch may wait before it is sent (e.g. 5ms, 100ms) [default: 5ms].",
        HelpName = "DURATION",
        CustomParser = result => OptionParsers.Duration(result, "--batch-timeout", TimeSpan.FromMilliseconds(1)),
    };

    /// <summary>The byte budget of a batch to a subtask of the same node.</summary>
    public Option<int?> BatchBytes { get; } = new("--batch-bytes")
    {
        Description = "Serialized bytes (estimated from sampled records) a batch to a subtask of the same node may hold, e.g. 262144, " +
                      "256KiB, 1MiB; bounds memory and barrier delay for large records [default: 1MiB].",
        HelpName = "BYTES",
        CustomParser = result => OptionParsers.Bytes(result, "--batch-bytes", 1024),
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(BatchSize);
        command.Options.Add(Credits);
        command.Options.Add(BatchTimeout);
        command.Options.Add(BatchBytes);
    }

    /// <summary>The given values as job arguments (<see cref="ExecutionArguments"/> applies them where the graph is built).</summary>
    public Dictionary<string, string> Arguments(ParseResult parseResult)
    {
        var invariant = CultureInfo.InvariantCulture;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parseResult.GetValue(BatchSize) is { } batchSize)
            arguments[ExecutionArguments.BatchSize] = batchSize.ToString(invariant);
        if (parseResult.GetValue(Credits) is { } credits)
            arguments[ExecutionArguments.Credits] = credits.ToString(invariant);
        if (parseResult.GetValue(BatchTimeout) is { } timeout)
            arguments[ExecutionArguments.BatchTimeout] = $"{timeout.TotalMilliseconds.ToString(invariant)}ms";
        if (parseResult.GetValue(BatchBytes) is { } bytes)
            arguments[ExecutionArguments.BatchBytes] = bytes.ToString(invariant);
        return arguments;
    }
}

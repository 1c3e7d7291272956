using ActorStream.Connectors.Files;
using ActorStream.Connectors.Formats;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Totals click events per item in tumbling event-time windows with allowed lateness (<see cref="ClickPipeline"/>).
/// Every firing (on time and each late one) is a line in DIR; events past the lateness go to DIR/late/
/// and malformed lines to DIR/errors/.
/// </summary>
public sealed class ClicksJob : ExampleJob
{
    /// <inheritdoc />
    public override string Name => "clicks";

    /// <inheritdoc />
    public override string Description => "Totals clicks, carts and buys per item in tumbling event-time windows with allowed lateness; STREAMING unless --mode batch.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("input", "JSON-lines file (or directory) of {\"user\",\"item\",\"action\",\"price\",\"ts\"} events; ts in epoch ms.", Required: true, IsPath: true),
        new("output", "Directory for window totals (part files), late/ (events past the lateness) and errors/ (malformed lines).", Required: true, IsPath: true),
        .. ClickPipeline.Options,
        TestAids.Rate,
        TestAids.InjectFailureAfter,
    ];

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var input = parameters.GetExistingPath("input");
        var output = parameters.GetRequired("output");
        var lines = env.ReadTextFile(input, recordsPerSecond: TestAids.RateOf(parameters)).SetParallelism(1).Uid("read-clicks");
        var streams = ClickPipeline.Build(env, lines, parameters);
        streams.Errors.SinkTo(new FileSink<DeadLetter>(Path.Combine(output, "errors"), JsonLines.Encode, ".jsonl"), "errors").Uid("errors");
        streams.Totals.SinkTo(new FileSink<ItemWindowTotals>(output, JsonLines.Encode, ".jsonl"), "window-totals").Uid("window-totals");
        streams.Late.SinkTo(new FileSink<ClickEvent>(Path.Combine(output, "late"), JsonLines.Encode, ".jsonl"), "late").Uid("late");
    }
}

using ActorStream.Connectors.Files;
using ActorStream.Connectors.Formats;
using ActorStream.Examples.Common;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Totals click events per item in tumbling event-time windows with allowed lateness. Every firing (on
/// time and each late one) is a line in DIR; events past the lateness go to DIR/late/ and malformed
/// lines to DIR/errors/. A watermark follows every record, so the output depends only on the file's order.
/// </summary>
public sealed class ClicksJob : ExampleJob
{
    /// <summary>The side output of events that arrive after their window's allowed lateness.</summary>
    public static readonly OutputTag<ClickEvent> Late = new("late-clicks");

    /// <inheritdoc />
    public override string Name => "clicks";

    /// <inheritdoc />
    public override string Description => "Totals clicks, carts and buys per item in tumbling event-time windows with allowed lateness; STREAMING unless --mode batch.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("input", "JSON-lines file (or directory) of {\"user\",\"item\",\"action\",\"price\",\"ts\"} events; ts in epoch ms.", Required: true, IsPath: true),
        new("output", "Directory for window totals (part files), late/ (events past the lateness) and errors/ (malformed lines).", Required: true, IsPath: true),
        new("window", "Size of the tumbling event-time windows.", Default: "10s"),
        new("allowed-lateness", "How long after its end a window still takes late events, firing again for each.", Default: "5s"),
        new("out-of-orderness", "How far behind the largest timestamp seen the watermark trails.", Default: "2s"),
        TestAids.Rate,
        TestAids.InjectFailureAfter,
    ];

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var input = parameters.GetExistingPath("input");
        var output = parameters.GetRequired("output");
        var window = parameters.GetDuration("window");
        if (window < TimeSpan.FromMilliseconds(1))
            throw new JobParameterException("window", $"'{parameters.Get("window")}' is shorter than a millisecond.");
        var lateness = parameters.GetDuration("allowed-lateness");
        var outOfOrderness = parameters.GetDuration("out-of-orderness");
        var rate = TestAids.RateOf(parameters);
        var failures = TestAids.InjectorOf(parameters);

        // Late firings exist only in STREAMING: BATCH (which AUTOMATIC picks for a file) fires each window once at the end.
        // The host applies --mode before Build, so AUTOMATIC here is the default (or, indistinguishably, asked for);
        // --mode batch is kept.
        if (env.RuntimeMode == RuntimeExecutionMode.Automatic)
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every record: results independent of timing

        // One subtask reads, decodes and stamps the input, so the watermark after each record is the file's own.
        // With more, the subtasks without a file would hold the windows' watermark at its minimum until their
        // end of input arrives, and how many records are processed before that depends on timing.
        var decoded = env.ReadTextFile(input, recordsPerSecond: rate).SetParallelism(1).Uid("read-clicks")
            .Process(new JsonLineDecoder<ClickEvent>(Validate)).SetParallelism(1).Name("decode").Uid("decode");
        decoded.GetSideOutput(JsonLineDecoder<ClickEvent>.Errors)
            .SinkTo(new FileSink<DeadLetter>(Path.Combine(output, "errors"), JsonLines.Encode, ".jsonl"), "errors").Uid("errors");

        var totals = decoded
            .AssignTimestampsAndWatermarks(WatermarkStrategy<ClickEvent>.ForBoundedOutOfOrderness(outOfOrderness)
                .WithTimestampAssigner((e, _) => e.Ts))
            .SetParallelism(1).Name("event-time").Uid("event-time")
            .KeyBy(e => e.Item)
            .Window(TumblingEventTimeWindows.Of(window))
            .AllowedLateness(lateness)
            .SideOutputLateData(Late)
            .Aggregate(new ActionTotalsAggregate(failures), new ItemWindowFunction()).Name("item-windows").Uid("item-windows");
        totals.SinkTo(new FileSink<ItemWindowTotals>(output, JsonLines.Encode, ".jsonl"), "window-totals").Uid("window-totals");
        totals.GetSideOutput(Late)
            .SinkTo(new FileSink<ClickEvent>(Path.Combine(output, "late"), JsonLines.Encode, ".jsonl"), "late").Uid("late");
    }

    private static string? Validate(ClickEvent e) =>
        string.IsNullOrEmpty(e.Item) ? "item must not be empty"
        : !ClickEvent.IsKnownAction(e.Action) ? $"action '{e.Action}' is not one of click, cart or buy"
        : null;
}

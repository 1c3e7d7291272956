using ActorStream.Examples.Common;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Clicks;

/// <summary>The three outputs of the click pipeline: window totals, events past the lateness, malformed lines.</summary>
/// <param name="Totals">Every window firing.</param>
/// <param name="Late">The events past the allowed lateness, as the lines they came in.</param>
/// <param name="Errors">The malformed lines, with why.</param>
public sealed record ClickStreams(DataStream<ItemWindowTotals> Totals, DataStream<string> Late, DataStream<DeadLetter> Errors);

/// <summary>
/// The pipeline of the clicks and amazon-etl jobs: decode JSON lines, stamp event time, and total
/// clicks, carts and buys per item in tumbling event-time windows with allowed lateness (every firing,
/// on time and each late one, is a result). A watermark follows every record, so the results depend
/// only on the order of the input.
/// </summary>
public static class ClickPipeline
{
    /// <summary>The side output of events that arrive after their window's allowed lateness.</summary>
    public static readonly OutputTag<ClickLine> Late = new("late-clicks");

    /// <summary>The window options.</summary>
    public static IReadOnlyList<JobOption> Options { get; } =
    [
        new("window", "Size of the tumbling event-time windows.", Default: "10s"),
        new("allowed-lateness", "How long after its end a window still takes late events, firing again for each.", Default: "5s"),
        new("out-of-orderness", "How far behind the largest timestamp seen the watermark trails.", Default: "2s"),
    ];

    /// <summary>Builds the pipeline on <paramref name="lines"/> (one subtask, in the input's order).</summary>
    public static ClickStreams Build(StreamExecutionEnvironment env, DataStream<string> lines, JobParameters parameters)
    {
        var window = parameters.GetDuration("window");
        if (window < TimeSpan.FromMilliseconds(1))
            throw new JobParameterException("window", $"'{parameters.Get("window")}' is shorter than a millisecond.");
        var lateness = parameters.GetDuration("allowed-lateness");
        var outOfOrderness = parameters.GetDuration("out-of-orderness");
        var failures = TestAids.InjectorOf(parameters);

        // Late firings exist only in STREAMING: BATCH (which AUTOMATIC picks for a file) fires each window once at the end.
        // The host applies --mode before Build, so AUTOMATIC here is the default (or, indistinguishably, asked for);
        // --mode batch is kept.
        if (env.RuntimeMode == RuntimeExecutionMode.Automatic)
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every record: results independent of timing

        // One subtask decodes and stamps the input, so the watermark after each record is the input's own.
        // With more, the subtasks without input would hold the windows' watermark at its minimum until their
        // end of input arrives, and how many records are processed before that depends on timing.
        var decoded = lines.Process(new JsonLineDecoder<ClickEvent, ClickLine>(Validate, static (e, line) => new ClickLine(e, line)))
            .SetParallelism(1).Name("decode").Uid("decode");
        var totals = decoded
            .AssignTimestampsAndWatermarks(WatermarkStrategy<ClickLine>.ForBoundedOutOfOrderness(outOfOrderness)
                .WithTimestampAssigner((c, _) => c.Event.Ts))
            .SetParallelism(1).Name("event-time").Uid("event-time")
            .KeyBy(c => c.Event.Item)
            .Window(TumblingEventTimeWindows.Of(window))
            .AllowedLateness(lateness)
            .SideOutputLateData(Late)
            .Aggregate(new ActionTotalsAggregate<ClickLine>(static c => c.Event, failures), new ItemWindowFunction()).Name("item-windows").Uid("item-windows");
        var late = totals.GetSideOutput(Late).Map(c => c.Line).Name("late-lines");
        return new ClickStreams(totals, late, decoded.GetSideOutput(JsonLineDecoder<ClickEvent, ClickLine>.Errors));
    }

    private static string? Validate(ClickEvent e) =>
        string.IsNullOrEmpty(e.Item) ? "item must not be empty"
        : !ClickEvent.IsKnownAction(e.Action) ? $"action '{e.Action}' is not one of click, cart or buy"
        : null;
}

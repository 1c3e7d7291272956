using ActorStream.Connectors.Files;
using ActorStream.Connectors.Generator;
using ActorStream.Examples.Clicks;
using ActorStream.Examples.Common;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Demo;

/// <summary>
/// The shop demo: generated click events are cleaned (malformed ones go to a side output) and totalled per
/// item in one-minute tumbling event-time windows, with early results while a window is open. The totals
/// feed a live leaderboard; each closed window's totals go to JSON-lines files.
/// </summary>
public sealed class DemoClicksJob : ExampleJob
{
    /// <summary>The number of distinct shoppers.</summary>
    public const int Users = 2_000;

    /// <summary>The number of products in the shop.</summary>
    public const int Items = 500;

    /// <summary>
    /// How much faster than the wall clock the generated event time runs, so that windows close while the demo
    /// runs: at 12, a one-minute window closes every 5 s.
    /// </summary>
    public const double EventTimeSpeedup = 12;

    /// <summary>How much earlier than its place in the sequence an event may happen, in event-time milliseconds.</summary>
    public const long MaxDelayMillis = 500;

    /// <summary>The size of the tumbling event-time windows.</summary>
    public static readonly TimeSpan WindowSize = TimeSpan.FromMinutes(1);

    /// <summary>How often an open window reports its totals so far, in event time.</summary>
    public static readonly TimeSpan EarlyFiringInterval = TimeSpan.FromSeconds(5);

    /// <summary>How far the watermark trails the latest event time: more than <see cref="MaxDelayMillis"/>, so no event is late.</summary>
    public static readonly TimeSpan MaxOutOfOrderness = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public override string Name => "demo-clicks";

    /// <inheritdoc />
    public override string Description => "Totals generated shop clicks, carts and purchases per item in one-minute event-time windows; rejects malformed events.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("rate", "Events per second over all source subtasks; 0 for as fast as possible.", Default: "5000"),
        new("count", "Number of events to generate; runs until stopped when omitted."),
        new("output", "Directory for windows/ (per-item totals of each window) and rejected/ (JSON lines).", Default: DemoClicksSettings.DefaultOutputDirectory, IsPath: true),
    ];

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var rate = parameters.GetDouble("rate");
        if (rate < 0)
            throw new JobParameterException("rate", $"{rate} is negative; give events per second, or 0 for no limit.");
        var count = parameters.GetOptionalLong("count");
        if (count < 0)
            throw new JobParameterException("count", $"{count} is negative.");
        BuildPipeline(env, new DemoClicksSettings(rate > 0 ? rate : null, count, parameters.GetRequired("output")));
    }

    /// <summary>Adds the demo pipeline to <paramref name="env"/> and returns the leaderboard its window totals feed.</summary>
    public static Leaderboard BuildPipeline(StreamExecutionEnvironment env, DemoClicksSettings settings)
    {
        var windowMillis = (long)WindowSize.TotalMilliseconds;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Event time starts at the current minute (plus the largest delay, so no event falls before it): the first window is a whole one.
        var generator = new ClickEventGenerator(ProductCatalog.Create(Items), Users, now - now % windowMillis + MaxDelayMillis,
            (settings.EventsPerSecond ?? 100_000) / EventTimeSpeedup, MaxDelayMillis);
        var leaderboard = new Leaderboard();

        var events = env.FromSource(
                new GeneratorSource<ClickEvent>(settings.Count, generator.Generate, settings.EventsPerSecond),
                WatermarkStrategy<ClickEvent>.ForBoundedOutOfOrderness(MaxOutOfOrderness).WithTimestampAssigner((e, _) => e.Ts),
                "click-events")
            .Uid("click-events");
        var cleaned = events.Process(new CleanClicks()).Name("clean").Uid("clean");
        var windows = cleaned.KeyBy(e => e.Item)
            .Window(TumblingEventTimeWindows.Of(WindowSize))
            .Trigger(ContinuousEventTimeTrigger.Of(EarlyFiringInterval))
            .Aggregate(new ActionTotalsAggregate<ClickEvent>(static e => e), new WindowResultsFunction()).Name("item-windows").Uid("item-windows");

        windows.SinkTo(leaderboard.FinalResults, "leaderboard").Uid("leaderboard");
        windows.GetSideOutput(WindowResultsFunction.Early).SinkTo(leaderboard.EarlyResults, "leaderboard-early").Uid("leaderboard-early");
        windows.SinkTo(new FileSink<ItemWindowTotals>(settings.WindowsDirectory, DemoJson.Encode, ".jsonl"), "windows-file")
            .Uid("windows-file");
        cleaned.GetSideOutput(CleanClicks.Rejected)
            .SinkTo(new FileSink<DeadLetter>(settings.RejectedDirectory, DemoJson.Encode, ".jsonl"), "rejected-file")
            .Uid("rejected-file");
        return leaderboard;
    }
}

using ActorStream.Connectors.Files;
using ActorStream.Connectors.Generator;
using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>
/// The shop demo: generated click events are cleaned (malformed ones go to a side output), totalled
/// per item in keyed state, and written to a live leaderboard and to JSON-lines files.
/// </summary>
public sealed class DemoClicksJob : ExampleJob
{
    /// <summary>The number of distinct shoppers.</summary>
    public const int Users = 2_000;

    /// <summary>The number of products in the shop.</summary>
    public const int Items = 500;

    /// <inheritdoc />
    public override string Name => "demo-clicks";

    /// <inheritdoc />
    public override string Description => "Totals generated shop clicks, carts and purchases per item; rejects malformed events.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("rate", "Events per second over all source subtasks; 0 for as fast as possible.", Default: "5000"),
        new("count", "Number of events to generate; runs until stopped when omitted."),
        new("output", "Directory for totals/ and rejected/ (JSON lines).", Default: DemoClicksSettings.DefaultOutputDirectory),
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

    /// <summary>Adds the demo pipeline to <paramref name="env"/> and returns the leaderboard its totals feed.</summary>
    public static Leaderboard BuildPipeline(StreamExecutionEnvironment env, DemoClicksSettings settings)
    {
        var generator = new ClickEventGenerator(ProductCatalog.Create(Items), Users,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), settings.EventsPerSecond ?? 100_000);
        var leaderboard = new Leaderboard();

        var events = env.FromSource(
                new GeneratorSource<ClickEvent>(settings.Count, generator.Generate, settings.EventsPerSecond),
                WatermarkStrategy<ClickEvent>.NoWatermarks(), "click-events")
            .Uid("click-events");
        var cleaned = events.Process(new CleanClicks()).Name("clean").Uid("clean");
        var totals = cleaned.KeyBy(e => e.Item)
            .Process(new ItemTotalsFunction()).Name("item-totals").Uid("item-totals");

        totals.SinkTo(leaderboard, "leaderboard").Uid("leaderboard");
        totals.SinkTo(new FileSink<ItemTotals>(settings.TotalsDirectory, DemoJson.Encode, ".jsonl"), "totals-file")
            .Uid("totals-file");
        cleaned.GetSideOutput(CleanClicks.Rejected)
            .SinkTo(new FileSink<ClickEvent>(settings.RejectedDirectory, DemoJson.Encode, ".jsonl"), "rejected-file")
            .Uid("rejected-file");
        return leaderboard;
    }
}

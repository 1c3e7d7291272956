using ActorStream.Connectors.Formats;
using ActorStream.Connectors.MySql;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// The flagship ETL: click events from a Kafka topic (or a file) through <see cref="ClickPipeline"/> into MySQL/MariaDB. Every window
/// firing is upserted into TABLE (one row per item and window, holding its last firing's totals); events
/// past the lateness go, as the lines they came in, to TABLE_late and malformed lines to TABLE_errors. Exactly-once
/// with checkpoints: rows of a checkpoint commit in one database transaction with a marker row.
/// </summary>
public sealed class AmazonEtlJob : ExampleJob
{
    private static readonly JobOption Input = new("input",
        "JSON-lines file (or directory) of {\"user\",\"item\",\"action\",\"price\",\"ts\"} events; ts in epoch ms. Or read --topic.", IsPath: true);

    private static readonly JobOption Topic = new("topic", "Kafka topic of the click events (one JSON line per record), instead of --input.");

    /// <inheritdoc />
    public override string Name => "amazon-etl";

    /// <inheritdoc />
    public override string Description => "Click events to per-item window totals upserted into MySQL/MariaDB, exactly-once with checkpoints.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        Input,
        .. ClickKafka.InputOptions(Topic),
        new("mysql", "MySQL/MariaDB connection string (MySqlConnector), e.g. \"Server=127.0.0.1;Port=3306;User ID=u;Password=p;Database=d\".", Required: true),
        new("table", "The table of window totals; TABLE_late and TABLE_errors take late events and malformed lines.", Default: "item_window_stats"),
        .. ClickPipeline.Options,
        TestAids.Rate,
        TestAids.InjectFailureAfter,
        CommitCrash.Option,
    ];

    /// <inheritdoc />
    public override void Prepare(JobParameters parameters)
    {
        if (!parameters.Has(Topic.Name)) // with a topic as well, Build says to give one of them
            JobFiles.CheckTextInput(parameters, Input.Name);
    }

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var database = parameters.GetRequired("mysql");
        var tables = EtlTables.Named(parameters.Get("table", "item_window_stats"));
        var (lines, malformed) = ClickKafka.ReadLines(env, parameters, Input, Topic);
        var streams = ClickPipeline.Build(env, lines, parameters);
        var errors = malformed is null ? streams.Errors : streams.Errors.Union(malformed);
        ITwoPhaseCommitSink<ItemWindowTotals, MySqlSinkTransaction> stats = new MySqlSink<ItemWindowTotals>(database, tables.Stats,
            t => [t.Item, t.WindowStart, t.WindowEnd, t.Clicks, t.Carts, t.Buys, t.Revenue]);
        if (CommitCrash.Of(parameters) is { } crash)
            stats = crash.Wrap(stats);
        streams.Totals.SinkTo(stats, "window-stats").Uid("window-stats");
        streams.Late.SinkTo(new MySqlSink<string>(database, tables.Late, line => [line], MySqlWriteMode.Append), "late")
            .Uid("late");
        errors.SinkTo(new MySqlSink<DeadLetter>(database, tables.Errors, d => [d.Line, d.Error], MySqlWriteMode.Append), "errors")
            .Uid("errors");
    }
}

/// <summary>The three tables of the amazon-etl job.</summary>
public sealed record EtlTables(MySqlTable Stats, MySqlTable Late, MySqlTable Errors)
{
    /// <summary>The tables for window totals table <paramref name="name"/>.</summary>
    public static EtlTables Named(string name)
    {
        try
        {
            return new EtlTables(
                new MySqlTable(name,
                [
                    new("item", "VARCHAR(128) NOT NULL"), new("window_start", "BIGINT NOT NULL"), new("window_end", "BIGINT NOT NULL"),
                    new("clicks", "BIGINT NOT NULL"), new("carts", "BIGINT NOT NULL"), new("buys", "BIGINT NOT NULL"),
                    new("revenue", "DECIMAL(18,2) NOT NULL"),
                ], ["item", "window_start"]),
                new MySqlTable(name + "_late", [new("line", "TEXT NOT NULL")]),
                new MySqlTable(name + "_errors", [new("line", "TEXT NOT NULL"), new("error", "TEXT NOT NULL")]));
        }
        catch (ArgumentException e)
        {
            throw new JobParameterException("table", e.Message);
        }
    }
}

using ActorStream.Connectors.Files;
using ActorStream.Connectors.Formats;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Fraud;

/// <summary>
/// Reads transactions as JSON lines ordered by ts, raises fraud alerts in event time, and writes
/// malformed lines to DIR/errors/. Watermarks follow every record, so the output depends only on
/// the file, never on timing or parallelism.
/// </summary>
public sealed class FraudDetectionJob : ExampleJob
{
    /// <inheritdoc />
    public override string Name => "fraud";

    /// <inheritdoc />
    public override string Description => "Flags a transaction below 1.00 followed within a minute by one above 500.00 (event time).";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("input", "JSON-lines file (or directory) of {\"account\",\"amount\",\"ts\"} transactions ordered by ts.", Required: true, IsPath: true),
        new("output", "Directory for alerts (part files) and errors/ (malformed lines).", Required: true, IsPath: true),
        JobFiles.Overwrite,
        TestAids.Rate,
        TestAids.InjectFailureAfter,
    ];

    /// <inheritdoc />
    public override void Prepare(JobParameters parameters)
    {
        JobFiles.CheckTextInput(parameters, "input");
        JobFiles.PrepareOutput(parameters, "output", "errors");
    }

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var input = parameters.GetExistingPath("input");
        var output = parameters.GetRequired("output");
        env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every record: results independent of timing

        var rate = TestAids.RateOf(parameters);
        var failures = TestAids.InjectorOf(parameters);
        var decoded = env.ReadTextFile(input, recordsPerSecond: rate).Uid("read-transactions")
            .Process(new JsonLineDecoder<Transaction>(Validate)).Name("decode").Uid("decode");
        decoded.GetSideOutput(JsonLineDecoder<Transaction>.Errors)
            .SinkTo(new FileSink<DeadLetter>(Path.Combine(output, "errors"), JsonLines.Encode, ".jsonl"), "errors").Uid("errors");
        decoded
            .AssignTimestampsAndWatermarks(WatermarkStrategy<Transaction>.ForMonotonousTimestamps().WithTimestampAssigner((t, _) => t.Ts))
            .Name("event-time").Uid("event-time")
            .KeyBy(t => t.Account)
            .Process(new FraudDetector(failures)).Name("detect-fraud").Uid("detect-fraud")
            .SinkTo(new FileSink<Alert>(output, JsonLines.Encode, ".jsonl"), "alerts").Uid("alerts");
    }

    private static string? Validate(Transaction t) => string.IsNullOrEmpty(t.Account) ? "account must not be empty" : null;
}

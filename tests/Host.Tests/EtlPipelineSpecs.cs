using System.Globalization;
using System.Text.RegularExpressions;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary>
/// README's one-command local pipeline, scripts/etl-pipeline.sh, as a user runs it: the development Kafka, MariaDB,
/// the producer and amazon-etl all start, and the window table fills up within the first minute, with late events and
/// malformed lines in their tables too.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed partial class EtlPipelineSpecs
{
    [Fact]
    public async Task The_pipeline_script_should_show_window_rows_within_a_minute()
    {
                var environment = new Dictionary<string, string> { ["KAFKA_PORT"] = RestNode.FreePort().ToString(CultureInfo.InvariantCulture) };
        using var pipeline = CliProcess.StartScript(Repository.Root, environment, "scripts/etl-pipeline.sh", "30");

        Assert.True(await pipeline.WaitForExitAsync(TimeSpan.FromMinutes(5)), "The pipeline did not stop after its 30 s:\n" + pipeline.Output);

        Assert.True(pipeline.ExitCode == 0, pipeline.Output);
        Assert.Contains("Kafka (development) on 127.0.0.1:" + environment["KAFKA_PORT"], pipeline.Output);
        var reports = Report().Matches(pipeline.Output)
            .Select(m => (Seconds: Number(m, "seconds"), Rows: Number(m, "rows"), Late: Number(m, "late"), Errors: Number(m, "errors")))
            .ToList();
        Assert.True(reports.Count == 6, "Expected a report every 5 s:\n" + pipeline.Output);
        Assert.True(reports.First(r => r.Rows > 0).Seconds <= 60, pipeline.Output);
        var last = reports[^1];
        Assert.True(last is { Rows: > 0, Late: > 0, Errors: > 0 }, pipeline.Output);
        // Upserts and appends only: no table ever shrinks.
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Rows >= p.First.Rows && p.Second.Late >= p.First.Late
            && p.Second.Errors >= p.First.Errors), pipeline.Output);
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // "--- after 10 s: ..." then the item table, then a table whose only row is three numbers.
    [GeneratedRegex(@"--- after (?<seconds>\d+) s:[^\n]*\n(?:(?!--- after)[^\n]*\n)*?\|\s+(?<rows>\d+)\s+\|\s+(?<late>\d+)\s+\|\s+(?<errors>\d+)\s+\|")]
    private static partial Regex Report();
}

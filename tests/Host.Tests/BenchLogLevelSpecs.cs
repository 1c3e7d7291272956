using System.Globalization;
using System.Text.RegularExpressions;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary><c>bench nexmark --log-level info</c>: the runtime's log on stderr, each checkpoint with its duration and size.</summary>
[Collection(JobRunsCollection.Name)]
public sealed partial class BenchLogLevelSpecs
{
    [Fact]
    public async Task Bench_nexmark_at_level_info_should_log_every_completed_checkpoint_with_its_duration_and_size()
    {
        using var bench = CliProcess.Start("bench", "nexmark", "--query", "q5", "--events", "300000", "--parallelism", "1",
            "--checkpoint-interval", "100ms", "--log-level", "info");

        Assert.True(await bench.WaitForExitAsync(TimeSpan.FromMinutes(2)), bench.Output);
        Assert.True(bench.ExitCode == 0, bench.Output);
        var reported = int.Parse(Reported().Match(bench.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        var logged = Completed().Matches(bench.Output);
        Assert.True(reported > 0, bench.Output);
        Assert.Equal(reported, logged.Count);
        Assert.All(logged, m => Assert.True(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 0, m.Value)); // keyed state bytes
    }

    [GeneratedRegex(@"; (\d+) exactly-once checkpoints every 100 ms")]
    private static partial Regex Reported();

    [GeneratedRegex(@"Job nexmark-q5: checkpoint nexmark-q5/\d+ completed in \d+ ms: \d+ key groups, (\d+) bytes of keyed state")]
    private static partial Regex Completed();
}

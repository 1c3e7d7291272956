using System.Globalization;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

[Collection(JobRunsCollection.Name)]
public sealed class ClicksJobSpecs
{
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(30_000, seed: 11));

    [Theory]
    [InlineData(1, 10_000, 5_000, 2_000)]
    [InlineData(4, 10_000, 5_000, 2_000)]
    [InlineData(4, 3_000, 0, 0)]
    public async Task Clicks_should_write_exactly_the_firings_late_events_and_errors_of_an_independent_simulation(
        int parallelism, long window, long lateness, long outOfOrderness)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        ClickFile.Write(input, Input.Value);

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", output,
            "--window", Millis(window), "--allowed-lateness", Millis(lateness), "--out-of-orderness", Millis(outOfOrderness),
            "--parallelism", parallelism.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = ClickFile.Simulate(Input.Value, window, lateness, outOfOrderness);
        if (lateness > 0)
            Assert.True(expected.LateFirings > 100, $"Only {expected.LateFirings} late firings: the input does not exercise the allowed lateness.");
        Assert.True(expected.Late.Count > 100, $"Only {expected.Late.Count} late events: the input does not exercise the late side output.");

        ClicksOutput.AssertMatches(expected, output);
    }

    [Fact]
    public async Task Clicks_with_a_window_shorter_than_a_millisecond_should_fail_naming_the_option()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value.Take(10));

        var run = await CliRun.InvokeAsync("run", "clicks", "--input", input, "--output", temp.Combine("out"), "--window", "0s");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--window: '0s' is shorter than a millisecond.", run.Error);
    }

    private static string Millis(long millis) => millis.ToString(CultureInfo.InvariantCulture) + "ms";
}

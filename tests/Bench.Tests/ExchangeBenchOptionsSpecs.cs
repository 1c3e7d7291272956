using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary><c>--batch-size</c>, <c>--credits</c> and <c>--batch-bytes</c>: the exchange's settings change how fast, never what a query gives.</summary>
[Collection(BenchRunsCollection.Name)]
public sealed class ExchangeBenchOptionsSpecs
{
    [Theory]
    [InlineData("q5", "--batch-size", "7", "--credits", "1")]
    [InlineData("q5", "--batch-size", "4096", "--batch-bytes", "1KiB")]
    [InlineData("q8", "--batch-size", "3", "--credits", "4")]
    [InlineData("q8", "--credits", "1", "--batch-bytes", "1024")]
    public async Task A_run_with_other_exchange_settings_should_give_the_same_results_as_one_with_the_defaults(string query, params string[] exchange)
    {
        using var temp = new TempDirectory();
        string[] common = ["bench", "nexmark", "--query", query, "--events", "100000", "--parallelism", "2"];

        var tuned = await CliRun.InvokeAsync([.. common, .. exchange, "--output", temp.Combine("tuned")]);
        var plain = await CliRun.InvokeAsync([.. common, "--output", temp.Combine("plain")]);

        Assert.True(tuned.ExitCode == 0, tuned.ToString());
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.NotEmpty(Rows(temp.Combine("plain")));
        Assert.Equal(Rows(temp.Combine("plain")), Rows(temp.Combine("tuned")));
    }

    [Theory]
    [InlineData("--batch-size", "0", "from 1 to 65536")]
    [InlineData("--credits", "65", "from 1 to 64")]
    [InlineData("--batch-bytes", "5GB", "256KiB, 1MiB")]
    [InlineData("--batch-bytes", "100", "from 1024")]
    [InlineData("--batch-timeout", "5", "ms, s, m, h or d")]
    public async Task An_invalid_exchange_option_should_fail_naming_it_and_the_accepted_values(string option, string value, string accepted)
    {
        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{option}: '{value}'", run.Error);
        Assert.Contains(accepted, run.Error);
    }

    [Fact]
    public async Task Exchange_options_should_be_refused_for_an_engine_without_an_exchange()
    {
        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", "--engine", "loop", "--credits", "4");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--credits: only the actorstream engine has an exchange, not loop.", run.Error);
    }

    [Theory]
    [InlineData("loud", "--engine", "actorstream")]
    [InlineData("info", "--engine", "loop")]
    public async Task A_log_level_should_be_one_of_the_levels_and_only_for_the_actorstream_engine(string level, params string[] engine)
    {
        var run = await CliRun.InvokeAsync(["bench", "nexmark", "--query", "q0", .. engine, "--log-level", level]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(level == "loud" ? "--log-level: 'loud' is not a log level; use error, warning, info or debug."
            : "--log-level: only the actorstream engine has a runtime that logs, not loop.", run.Error);
    }

    private static List<string> Rows(string directory) =>
        Directory.EnumerateFiles(directory, "part-*").SelectMany(File.ReadLines).Order(StringComparer.Ordinal).ToList();
}

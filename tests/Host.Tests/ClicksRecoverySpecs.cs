using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary>
/// The acceptance of exactly-once recovery: the clicks job with checkpoints ends with exactly the
/// failure-free output after an injected failure, and after the engine process was killed with
/// SIGKILL and run again with --from-savepoint latest.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class ClicksRecoverySpecs
{
    private const long Window = 10_000;
    private const long Lateness = 5_000;
    private const long OutOfOrderness = 2_000;
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(30_000, seed: 11));

    private static string[] ClicksArgs(string input, string output, string stateDb, params string[] more) =>
    [
        "run", "clicks", "--input", input, "--output", output, "--parallelism", "3",
        "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms",
        "--checkpoint-interval", "200ms", "--state-db", stateDb, .. more,
    ];

    [Fact]
    public async Task Clicks_should_write_exactly_the_failure_free_output_after_an_injected_failure()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        ClickFile.Write(input, Input.Value);

        var run = await CliRun.InvokeAsync(ClicksArgs(input, output, temp.Combine("state.db"),
            "--rate", "20000", "--inject-failure-after", "15000"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Out.Contains("  restarts  1\n"), run.ToString());
        ClicksOutput.AssertMatches(ClickFile.Simulate(Input.Value, Window, Lateness, OutOfOrderness), output);
    }

    [Fact]
    public async Task Clicks_killed_mid_run_should_resume_from_the_latest_checkpoint_to_exactly_the_failure_free_output()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        var stateDb = temp.Combine("state.db");
        ClickFile.Write(input, Input.Value);

        using (var engine = CliProcess.Start(ClicksArgs(input, output, stateDb, "--rate", "4000")))
        {
            // Kill once a few checkpoints completed and output was committed, well before the end.
            await LocalCheckpoints.KillAfterAsync(engine, stateDb, "clicks", 3);
        }
        Assert.NotEmpty(Directory.EnumerateFiles(output, "part-*")); // committed output of the first run stays

        var resumed = await CliRun.InvokeAsync(ClicksArgs(input, output, stateDb, "--from-savepoint", "latest"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        ClicksOutput.AssertMatches(ClickFile.Simulate(Input.Value, Window, Lateness, OutOfOrderness), output);
    }
}

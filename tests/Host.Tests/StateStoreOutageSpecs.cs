using ActorStream.Actors.Tests.Persistence;
using ActorStream.Host.Tests.Support;
using MySqlConnector;

namespace ActorStream.Host.Tests;

/// <summary>
/// A state-store outage is a failure like any other: MariaDB shut down for 30 s in the middle of a
/// checkpointed clicks job (on one node, and on three node processes) fails checkpoints and restarts
/// the job with backoff; once the server is back, the job restores and runs on by itself, and its
/// output is exactly the failure-free one.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class StateStoreOutageSpecs
{
    /// <summary>A port of its own: stopping the server must not disturb the other specs' server.</summary>
    private const int PrivatePort = 3319;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(16_000, seed: 31));

    [Fact]
    public async Task Clicks_on_one_node_should_resume_by_itself_after_the_state_store_was_down_for_30_s()
    {
        var database = MariaDbServer.OnPrivatePort(PrivatePort);
        await database.InitializeAsync();
        try
        {
            using var temp = new TempDirectory();
            var input = temp.Combine("clicks.jsonl");
            var output = temp.Combine("windows");
            ClickFile.Write(input, Input.Value);

            var run = CliRun.InvokeAsync(ClicksArgs(input, output, "--parallelism", "3", "--state-db", database.Settings.ConnectionString));
            await OutageAfterCheckpointsAsync(database, run);
            var result = await run.WaitAsync(TimeSpan.FromMinutes(4));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"restarts\s+[1-9]", result.Out);
            ClicksOutput.AssertMatches(ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000), output);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Clicks_on_three_nodes_should_resume_by_itself_after_the_state_store_was_down_for_30_s()
    {
        await using var nodes = await NodeProcesses.StartAsync(server: MariaDbServer.OnPrivatePort(PrivatePort));
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        ClickFile.Write(input, Input.Value);

        var run = CliRun.InvokeAsync(ClicksArgs(input, output, "--parallelism", "6", "--cluster", nodes.Cluster));
        await OutageAfterCheckpointsAsync(nodes.Database, run);
        var result = await run.WaitAsync(TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result + nodes.Outputs);
        Assert.Matches(@"restarts\s+[1-9]", result.Out);
        ClicksOutput.AssertMatches(ClickFile.Simulate(Input.Value, 10_000, 5_000, 2_000), output);
    }

    private static string[] ClicksArgs(string input, string output, params string[] more) =>
    [
        "run", "clicks", "--input", input, "--output", output, "--checkpoint-interval", "500ms", "--rate", "400",
        "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms", .. more,
    ];

    /// <summary>Once three checkpoints completed, shuts the server down for <see cref="Outage"/> and starts it again.</summary>
    private static async Task OutageAfterCheckpointsAsync(MariaDbServer database, Task<CliRun> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await CompletedCheckpointsAsync(database) < 3)
        {
            if (run.IsCompleted)
                throw new InvalidOperationException("The job ended before the outage: " + await run);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("No checkpoints completed in time.");
            await Task.Delay(100);
        }
        await database.StopServerAsync();
        await Task.Delay(Outage);
        Assert.False(run.IsCompleted, "The job ended while the state store was down: " + (run.IsCompleted ? await run : null));
        await database.StartServerAsync();
    }

    private static async Task<long> CompletedCheckpointsAsync(MariaDbServer database)
    {
        await using var connection = new MySqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT COUNT(*) FROM journal WHERE persistence_id = 'checkpoints/clicks'", connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (MySqlException)
        {
            return 0; // the tables are created when the job first checkpoints
        }
    }
}

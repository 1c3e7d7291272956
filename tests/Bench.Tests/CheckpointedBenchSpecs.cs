using System.Text.Json;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary><c>--checkpoint-interval</c>: exactly-once checkpoints into a temporary state store change nothing in the results.</summary>
[Collection(BenchRunsCollection.Name)]
public sealed class CheckpointedBenchSpecs
{
    private const string StateDbPattern = "actorstream-bench-*.db*";

    [Theory]
    [InlineData("q2")]
    [InlineData("q5")]
    public async Task A_run_with_checkpoints_every_200ms_should_give_the_same_results_as_one_without(string query)
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("checkpointed.json");
        var stateDbsBefore = StateDbs();

        var checkpointed = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", "100000", "--parallelism", "2",
            "--checkpoint-interval", "200ms", "--output", temp.Combine("checkpointed"), "--json", json);
        var plain = await CliRun.InvokeAsync("bench", "nexmark", "--query", query, "--events", "100000", "--parallelism", "2",
            "--output", temp.Combine("plain"));

        Assert.True(checkpointed.ExitCode == 0, checkpointed.ToString());
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.NotEmpty(Rows(temp.Combine("plain")));
        Assert.Equal(Rows(temp.Combine("plain")), Rows(temp.Combine("checkpointed")));
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal(200, root.GetProperty("checkpointInterval").GetInt64());
        // At least the final checkpoint, which commits the output before the sources end.
        var completed = root.GetProperty("completedCheckpoints").GetInt32();
        Assert.True(completed >= 1, $"{completed} checkpoints completed");
        Assert.Contains($"{completed} exactly-once checkpoints every 200 ms", checkpointed.Out);
        Assert.Empty(StateDbs().Except(stateDbsBefore));
    }

    [Fact]
    public async Task A_run_without_checkpoints_should_report_none()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("q0.json");

        var run = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", "--events", "5000", "--parallelism", "1", "--json", json);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("checkpoints", run.Out);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("checkpointInterval").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("completedCheckpoints").GetInt32());
    }

    private static List<string> Rows(string directory) =>
        Directory.GetFiles(directory, "part-*.jsonl").SelectMany(File.ReadLines).Order(StringComparer.Ordinal).ToList();

    private static HashSet<string> StateDbs() => Directory.GetFiles(Path.GetTempPath(), StateDbPattern).ToHashSet();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorStream.Bench.Tests.Support;

namespace ActorStream.Bench.Tests;

/// <summary>
/// <c>--nodes 2</c>: the job spread over this process's node and an <c>actorstream node</c> child process on loopback
/// gives exactly the one-node results, runs subtasks on both nodes, and never leaves the child behind.
/// </summary>
[Collection(BenchRunsCollection.Name)]
public sealed partial class TwoNodeBenchSpecs
{
    [Fact]
    public async Task Q5_on_two_nodes_should_give_the_one_node_results_with_subtasks_on_both_nodes()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("two-nodes.json");

        var twoNodes = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q5", "--events", "20000", "--parallelism", "2", "--nodes", "2",
            "--output", temp.Combine("two"), "--json", json);
        var oneNode = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q5", "--events", "20000", "--parallelism", "2",
            "--output", temp.Combine("one"));

        Assert.True(twoNodes.ExitCode == 0, twoNodes.ToString());
        Assert.True(oneNode.ExitCode == 0, oneNode.ToString());
        var rows = Rows(temp.Combine("one"));
        Assert.NotEmpty(rows);
        Assert.Equal(rows, Rows(temp.Combine("two")));
        // Slot sharing: each node's one slot runs one subtask of each of q5's three vertices (source chain, two windows).
        Assert.Matches(@"Subtasks per node: 127\.0\.0\.1:\d+ \(this process\) 3, 127\.0\.0\.1:\d+ 3\.", twoNodes.Error);
        Assert.Contains($"{rows.Count} results", twoNodes.Out);
        Assert.Contains("(parallelism 2 on 2 nodes)", twoNodes.Out);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal((2, 2, rows.Count), (document.RootElement.GetProperty("nodes").GetInt32(),
            document.RootElement.GetProperty("parallelism").GetInt32(), document.RootElement.GetProperty("results").GetInt32()));
        // The job ran in two processes: this one's CPU time and collector would tell half the story.
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("gcGen2").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("coresBusy").ValueKind);
        AssertEnded(ChildProcess(twoNodes.Error));
    }

    [Fact]
    public async Task Cancelling_a_two_node_run_should_stop_the_child_node()
    {
        using var cancel = new CancellationTokenSource();
        var output = new StringWriter();
        var run = Host.Cli.InvokeAsync(["bench", "nexmark", "--query", "q0", "--events", "500000000", "--parallelism", "2", "--nodes", "2"],
            TextWriter.Synchronized(new StringWriter()), TextWriter.Synchronized(output), cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains("RUNNING", StringComparison.Ordinal) && !run.IsCompleted && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var child = ChildProcess(output.ToString());

        await cancel.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 130, $"exit {exitCode}\n{output}");
        Assert.Contains("was cancelled", output.ToString());
        AssertEnded(child);
    }

    [Fact]
    public async Task Two_nodes_should_be_refused_where_a_node_would_run_no_subtask_or_the_engine_cannot_spread()
    {
        var narrow = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", "--events", "1000", "--parallelism", "1", "--nodes", "2");
        var loop = await CliRun.InvokeAsync("bench", "nexmark", "--query", "q0", "--events", "1000", "--engine", "loop", "--nodes", "2");

        Assert.NotEqual(0, narrow.ExitCode);
        Assert.Contains("--nodes 2: at parallelism 1 some node would run no subtask; give --parallelism 2 or more.", narrow.Error);
        Assert.NotEqual(0, loop.ExitCode);
        Assert.Contains("--nodes: only the actorstream engine runs on several nodes, not loop.", loop.Error);
    }

    /// <summary>The child node's process id, from the line that names the nodes.</summary>
    private static int ChildProcess(string error)
    {
        var match = ChildProcessPattern().Match(error);
        Assert.True(match.Success, error);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The process has ended (and was reaped): no process with its id remains.</summary>
    private static void AssertEnded(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            Assert.True(process.HasExited, $"the child node (process {processId}) still runs");
        }
        catch (ArgumentException)
        {
            // No such process: it ended.
        }
    }

    private static List<string> Rows(string directory) =>
        Directory.GetFiles(directory, "part-*.jsonl").SelectMany(File.ReadLines).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"127\.0\.0\.1:\d+ \(process (\d+)\)")]
    private static partial Regex ChildProcessPattern();
}

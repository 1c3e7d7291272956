using ActorStream.Actors.Client;
using ActorStream.Connectors.Tests.Kafka;
using ActorStream.Graph;
using ActorStream.Host.Tests.Support;

namespace ActorStream.Host.Tests;

/// <summary>
/// The cluster acceptance with real processes: three <c>actorstream node</c> processes and MariaDB,
/// the clicks job submitted with <c>run --cluster</c> at parallelism 6 with exactly-once checkpoints;
/// (reading a file, or a Kafka topic on the mock cluster) a node that runs subtasks dies (SIGKILL) or leaves (SIGTERM) mid-run, and the output still equals
/// the failure-free reference, with the restart shown by <c>list</c>.
/// </summary>
[Collection(JobRunsCollection.Name)]
public sealed class ClusterSpecs(Xunit.Abstractions.ITestOutputHelper log, MockKafka kafka) : IClassFixture<MockKafka>
{
    private const long Window = 10_000;
    private const long Lateness = 5_000;
    private const long OutOfOrderness = 2_000;
    private static readonly Lazy<IReadOnlyList<string>> Input = new(() => ClickFile.Generate(30_000, seed: 23));

    [Fact]
    public async Task Clicks_on_three_nodes_should_survive_the_hard_kill_of_a_node_with_subtasks()
    {
        await RunWithNodeLossAsync(node => node.KillHard(), SubtasksOnly, log);
    }

    [Fact]
    public async Task Clicks_on_three_nodes_should_survive_the_hard_kill_of_the_job_masters_node()
    {
        await RunWithNodeLossAsync(node => node.KillHard(), JobMasters, log);
    }

    [Fact]
    public async Task Clicks_on_three_nodes_should_survive_a_node_leaving_gracefully()
    {
        await RunWithNodeLossAsync(node => node.Terminate(), SubtasksOnly, log);
    }

    [Fact]
    public async Task Clicks_from_a_kafka_topic_on_three_nodes_should_survive_the_hard_kill_of_a_node_with_subtasks()
    {
        kafka.Cluster.CreateTopic("cluster-clicks", 1);
        TestRecords.Produce(kafka.Bootstrap, "cluster-clicks", Input.Value, _ => 0);
        await RunWithNodeLossAsync(node => node.KillHard(), SubtasksOnly, log,
            ["--bootstrap-servers", kafka.Bootstrap, "--input-topic", "cluster-clicks", "--bounded"]);
    }

    /// <summary>A node that runs subtasks only: neither the seed (it hosts the cluster's coordinators) nor the job master's.</summary>
    private static int SubtasksOnly(NodeProcesses nodes, Actors.Cluster.JobSummary job) =>
        Enumerable.Range(1, 2).First(i => nodes.Addresses[i] != job.JobMasterNode);

    /// <summary>The node that hosts the job master (it runs subtasks too).</summary>
    private static int JobMasters(NodeProcesses nodes, Actors.Cluster.JobSummary job) =>
        nodes.Addresses.ToList().IndexOf(job.JobMasterNode);

    [Fact]
    public async Task Nodes_and_list_should_show_the_slots_and_a_job_needing_too_many_should_fail_clearly()
    {
        await using var nodes = await NodeProcesses.StartAsync(slots: 2);
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        ClickFile.Write(input, Input.Value);

        var tooWide = await CliRun.InvokeAsync("run", "clicks", "--cluster", nodes.Cluster, "--input", input, "--output", temp.Combine("out"),
            "--parallelism", "7");
        var listed = await CliRun.InvokeAsync("nodes", "--cluster", nodes.Addresses[2], "--json");

        Assert.Equal(2, tooWide.ExitCode);
        Assert.Contains("needs 7 slots, the cluster has 6 free", tooWide.Error);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(listed.Out);
        Assert.Equal(nodes.Addresses.Order(), json.RootElement.EnumerateArray().Select(n => n.GetProperty("address").GetString()!).Order());
        Assert.All(json.RootElement.EnumerateArray(), n => Assert.Equal(("Up", 2, 2),
            (n.GetProperty("status").GetString(), n.GetProperty("slots").GetInt32(), n.GetProperty("freeSlots").GetInt32())));
    }

    /// <summary>
    /// Runs clicks, loses a node that runs subtasks after 3 checkpoints, and reports (not asserts) the time
    /// from the loss until the job runs again: docs/cluster.md quotes it.
    /// </summary>
    private static async Task RunWithNodeLossAsync(Action<CliProcess> lose, Func<NodeProcesses, Actors.Cluster.JobSummary, int> pick,
        Xunit.Abstractions.ITestOutputHelper log, string[]? kafkaInput = null)
    {
        await using var nodes = await NodeProcesses.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Combine("clicks.jsonl");
        var output = temp.Combine("windows");
        ClickFile.Write(input, Input.Value);

        var run = CliRun.InvokeAsync(["run", "clicks", "--cluster", nodes.Cluster, .. kafkaInput ?? ["--input", input], "--output", output,
            "--parallelism", "6", "--checkpoint-interval", "500ms", "--rate", "2000",
            "--window", "10000ms", "--allowed-lateness", "5000ms", "--out-of-orderness", "2000ms"]);
        await using var client = await ClusterConnection.ConnectAsync(nodes.Addresses);
        var job = await WaitForCheckpointsAsync(client, 3, run, nodes);
        var victim = pick(nodes, job);
        await using var survivor = await ClusterConnection.ConnectAsync(nodes.Addresses.Where((_, i) => i != victim).ToList());
        lose(nodes[victim]);
        var running = await RunningAgainAsync(survivor, job.Id, run);
        log.WriteLine($"node loss to running again: {running.TotalSeconds:0.0} s");

        var result = await run.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result + nodes.Outputs);
        ClicksOutput.AssertMatches(ClickFile.Simulate(Input.Value, Window, Lateness, OutOfOrderness), output);
        var listed = (await survivor.ListJobsAsync()).Single(j => j.Id == job.Id);
        Assert.Equal((JobStatus.Finished, 6), (listed.Status, listed.Parallelism));
        Assert.True(listed.Restarts >= 1, $"list shows {listed.Restarts} restarts\n{nodes.Outputs}");
    }

    /// <summary>How long until the directory shows the job RUNNING again after a restart (or the run ended).</summary>
    private static async Task<TimeSpan> RunningAgainAsync(ClusterConnection client, string jobId, Task<CliRun> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!run.IsCompleted && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await client.ListJobsAsync()).FirstOrDefault(j => j.Id == jobId) is { Restarts: >= 1, Status: JobStatus.Running })
                    break;
            }
            catch (Akka.Actor.AskTimeoutException)
            {
                // the contact node may be the one that died: the connection finds another
            }
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    private static async Task<Actors.Cluster.JobSummary> WaitForCheckpointsAsync(ClusterConnection client, int checkpoints, Task<CliRun> run,
        NodeProcesses nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (run.IsCompleted)
                throw new InvalidOperationException("The job ended before a node could be lost: " + await run + nodes.Outputs);
            if ((await client.ListJobsAsync()).FirstOrDefault(j => j.Name == "clicks" && j.Checkpoints >= checkpoints) is { } job)
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("No checkpoints completed in time:\n" + nodes.Outputs);
    }
}

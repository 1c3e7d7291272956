using ActorStream.Actors.Client;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>Jobs submitted by spec to a three-node cluster: placement by slots, graph rebuild on every node, clear rejections.</summary>
public sealed class ClusterPlacementSpecs(ClusterPlacementSpecs.Fixture cluster) : IClassFixture<ClusterPlacementSpecs.Fixture>
{
    /// <summary>Three nodes with two slots each; node 3 runs a different version of the "sums" job.</summary>
    public sealed class Fixture : ClusterFixture
    {
        public static readonly CollectSink<(long Key, long Sum)> Sums = new();
        public static readonly GatedSequenceSource Gate = new(3_000);
        public static readonly GatedSequenceSource GroupedGate = new(3_000);
        public static readonly CollectSink<long> Grouped = new();

        protected override JobCatalog CatalogOf(int index) => Catalog(index);

        /// <summary>The program of node <paramref name="index"/>.</summary>
        public static JobCatalog Catalog(int index) => new JobCatalog()
            .Add("sums", (env, args) => Sums_(env, args, Sums, extraStep: false))
            .Add("gated", (env, args) =>
            {
                env.Parallelism = int.Parse(args["parallelism"], System.Globalization.CultureInfo.InvariantCulture);
                env.FromSource(Gate, WatermarkStrategy<long>.NoWatermarks(), "gate").Uid("gate")
                    .Rebalance().Map(x => x).Uid("identity")
                    .SinkTo(new CollectSink<long>(), "discard").Uid("discard");
            })
            .Add("grouped", (env, args) =>
            {
                // default group: the source (1) and "identity" (2) need 2 slots; "heavy" (3) needs 3 more.
                env.Parallelism = 2;
                env.FromSource(GroupedGate, WatermarkStrategy<long>.NoWatermarks(), "gate").Uid("gate")
                    .Rebalance().Map(x => x).Uid("identity")
                    .Rescale().Map(x => x * 2).Uid("double").SlotSharingGroup("heavy").SetParallelism(3)
                    .SinkTo(Grouped, "grouped").Uid("grouped").SetParallelism(3);
            })
            .Add("drifting", (env, args) => Sums_(env, args, new CollectSink<(long, long)>(), extraStep: index == 2));

        private static void Sums_(StreamExecutionEnvironment env, IReadOnlyDictionary<string, string> args,
            CollectSink<(long Key, long Sum)> sink, bool extraStep)
        {
            env.Parallelism = int.Parse(args["parallelism"], System.Globalization.CultureInfo.InvariantCulture);
            var numbers = env.FromSequence(1, 10_000).Uid("numbers");
            if (extraStep)
                numbers = numbers.Map(x => x).Uid("extra");
            numbers.Map(x => (Key: x % 10, Sum: x)).Uid("pair")
                .KeyBy(p => p.Key).Reduce((a, b) => (a.Key, a.Sum + b.Sum)).Uid("sum")
                .SinkTo(sink, "sums").Uid("sums");
        }
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The spec a client running the program of node 1 submits.</summary>
    private static JobSpec Describe(string job, int parallelism) => Fixture.Catalog(0)
        .Describe(job, new Dictionary<string, string> { ["parallelism"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Spec;

    [Fact]
    public async Task A_job_submitted_by_spec_should_run_on_slots_of_every_node_and_give_the_exact_result()
    {
        await using var client = await ClusterConnection.ConnectAsync([cluster.ContactPoints[1]]);
        var jobId = await client.SubmitAsync(Describe("gated", 3));
        var job = client.Job(jobId, "gated");

        // Slots are spread evenly: one of each node's two slots is taken while the job runs.
        var nodes = await Eventually.ReturnsAsync(() => client.ListNodesAsync(), n => n.Count == 3 && n.All(x => x.FreeSlots == 1), Patience);
        Assert.All(nodes, n => Assert.Equal(("Up", 2, 1), (n.Status, n.Slots, n.FreeSlots)));
        var listed = Assert.Single(await Eventually.ReturnsAsync(() => client.ListJobsAsync(), j => j.Any(x => x.Id == jobId && x.Status == JobStatus.Running), Patience),
            j => j.Id == jobId);
        Assert.Equal(("gated", 3), (listed.Name, listed.Parallelism));
        // The job master is on the oldest node (the seed, started first), with the cluster's singletons, though submitted through another.
        Assert.Equal(cluster.ContactPoints[0], listed.JobMasterNode);

        Fixture.Gate.OpenAll();
        var result = await job.Completion.WaitAsync(Patience);

        Assert.Equal(0, result.Restarts);
        Assert.All(await client.ListNodesAsync(), n => Assert.Equal(2, n.FreeSlots));
    }

    [Fact]
    public async Task A_job_with_two_slot_sharing_groups_should_hold_the_slots_of_both_and_give_the_exact_result()
    {
        await using var client = await ClusterConnection.ConnectAsync([cluster.ContactPoints[0]]);
        var jobId = await client.SubmitAsync(Describe("grouped", 2));
        var job = client.Job(jobId, "grouped");

        // 2 slots for the default group plus 3 for "heavy" out of the cluster's 6, spread evenly: one node keeps one free.
        var nodes = await Eventually.ReturnsAsync(() => client.ListNodesAsync(), n => n.Count == 3 && n.Sum(x => x.FreeSlots) == 1, Patience);
        Assert.Equal([0, 0, 1], nodes.Select(n => n.FreeSlots).Order());
        var listed = Assert.Single(await Eventually.ReturnsAsync(() => client.ListJobsAsync(), j => j.Any(x => x.Id == jobId && x.Status == JobStatus.Running), Patience),
            j => j.Id == jobId);
        Assert.Equal(5, listed.Parallelism); // the slots the job holds

        Fixture.GroupedGate.OpenAll();
        await job.Completion.WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => i * 2L), Fixture.Grouped.Values.Order());
        Assert.Equal([0, 1, 2], Fixture.Grouped.WithSubtasks.Select(v => v.Subtask).Distinct().Order());
        await Eventually.ReturnsAsync(() => client.ListNodesAsync(), n => n.All(x => x.FreeSlots == 2), Patience);
    }

    [Fact]
    public async Task Every_node_should_rebuild_the_graph_and_the_keyed_sums_should_be_exact()
    {
        await using var client = await ClusterConnection.ConnectAsync([cluster.ContactPoints[0]]);
        var jobId = await client.SubmitAsync(Describe("sums", 6));

        await client.Job(jobId, "sums").Completion.WaitAsync(Patience);

        var finals = Fixture.Sums.Values.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.Sum));
        var expected = Enumerable.Range(1, 10_000).GroupBy(x => (long)(x % 10)).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected.OrderBy(e => e.Key), finals.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_job_needing_more_slots_than_are_free_should_be_rejected_at_submission()
    {
        await using var client = await ClusterConnection.ConnectAsync(cluster.ContactPoints);

        var error = await Assert.ThrowsAsync<JobSubmissionException>(() => client.SubmitAsync(Describe("sums", 7)));

        Assert.Contains("needs 7 slots, the cluster has 6 free", error.Message);
    }

    [Fact]
    public async Task A_node_that_builds_a_different_graph_should_fail_the_deployment_with_the_mismatch()
    {
        await using var client = await ClusterConnection.ConnectAsync([cluster.ContactPoints[0]]);

        var error = await Record.ExceptionAsync(async () =>
        {
            var jobId = await client.SubmitAsync(Describe("drifting", 6));
            await client.Job(jobId, "drifting").Completion.WaitAsync(Patience);
        });

        Assert.NotNull(error);
        Assert.Contains("does not match its submission: the job graph built from the same arguments differs", error.Message);
    }
}

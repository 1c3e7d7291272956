using ActorStream.Actors.Client;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>
/// Death watch and job-master failover in one process: the node that hosts a running job's master is
/// downed and stops; another node takes the remembered job master over, it resumes the job from its
/// latest checkpoint, and the keyed sums come out exact.
/// </summary>
public sealed class ClusterFailoverSpecs(ClusterFailoverSpecs.Fixture cluster) : IClassFixture<ClusterFailoverSpecs.Fixture>
{
    /// <summary>Three nodes with two slots each, running a checkpointed job over a gated source.</summary>
    public sealed class Fixture : ClusterFixture
    {
        public static readonly CollectSink<(long Key, long Sum)> Sums = new();
        public static readonly GatedSequenceSource Gate = new(3_000);

        protected override JobCatalog CatalogOf(int index) => Catalog;

        public static JobCatalog Catalog { get; } = new JobCatalog().Add("failover", (env, _) =>
        {
            env.Parallelism = 3;
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
            env.EnableCheckpointing(TimeSpan.FromMilliseconds(200));
            env.FromSource(Gate, WatermarkStrategy<long>.NoWatermarks(), "gate").Uid("gate")
                .Map(x => (Key: x % 10, Sum: x)).Uid("pair")
                .KeyBy(p => p.Key).Reduce((a, b) => (a.Key, a.Sum + b.Sum)).Uid("sum")
                .SinkTo(Sums, "sums").Uid("sums");
        });
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_job_should_resume_on_another_node_when_the_node_of_its_job_master_is_lost()
    {
        var spec = Fixture.Catalog.Describe("failover", new Dictionary<string, string>()).Spec;
        await using var client = await ClusterConnection.ConnectAsync(cluster.ContactPoints);
        var jobId = await client.SubmitAsync(spec);
        Fixture.Gate.OpenUpTo(1_000);
        var running = await Eventually.ReturnsAsync(() => client.ListJobsAsync(),
            jobs => jobs.Any(j => j.Id == jobId && j.Checkpoints >= 2), Patience);
        var jobMaster = running.Single(j => j.Id == jobId).JobMasterNode;
        var victim = cluster.ContactPoints.ToList().IndexOf(jobMaster);

        await cluster.CrashAsync(victim);
        await using var survivor = await ClusterConnection.ConnectAsync(cluster.ContactPoints);
        var resumed = await Eventually.ReturnsAsync(() => survivor.ListJobsAsync(),
            jobs => jobs.Any(j => j.Id == jobId && j.Status == JobStatus.Running && j.Restarts >= 1), Patience);
        Fixture.Gate.OpenAll();
        await Eventually.ReturnsAsync(() => survivor.ListJobsAsync(), jobs => jobs.Any(j => j.Id == jobId && j.Status == JobStatus.Finished), Patience);

        Assert.NotEqual(jobMaster, resumed.Single(j => j.Id == jobId).JobMasterNode);
        var finals = Fixture.Sums.Values.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.Sum));
        var expected = Enumerable.Range(1, 3_000).GroupBy(x => (long)(x % 10)).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected.OrderBy(e => e.Key), finals.OrderBy(e => e.Key));
    }
}

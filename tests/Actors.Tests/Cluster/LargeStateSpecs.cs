using ActorStream.Actors.Client;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>
/// Key groups larger than Akka.Remote's frame (4 MiB here): their checkpoint writes reach entities on
/// other nodes in parts, and after a failure the job restores them and counts on exactly.
/// </summary>
public sealed class LargeStateSpecs(LargeStateSpecs.Fixture cluster) : IClassFixture<LargeStateSpecs.Fixture>
{
    private const int Keys = 4;
    private const int PerKey = 6;
    private const int Chunk = 1 << 20;

    /// <summary>Three nodes running a job whose every key keeps a text that grows by 1 MiB per element.</summary>
    public sealed class Fixture : ClusterFixture
    {
        public static readonly CollectSink<(long Key, int Length)> Lengths = new();
        public static readonly GatedSequenceSource Gate = new(Keys * PerKey);
        public static int FailAt = int.MaxValue;

        protected override JobCatalog CatalogOf(int index) => Catalog;

        public static JobCatalog Catalog { get; } = new JobCatalog().Add("large-state", (env, _) =>
        {
            env.Parallelism = 2;
            env.RuntimeMode = RuntimeExecutionMode.Streaming;
            env.EnableCheckpointing(TimeSpan.FromMilliseconds(300));
            env.FromSource(Gate, WatermarkStrategy<long>.NoWatermarks(), "gate").Uid("gate")
                .KeyBy(x => x % Keys).Process(new GrowingText()).Uid("text")
                .SinkTo(Lengths, "lengths").Uid("lengths");
        });
    }

    /// <summary>Appends 1 MiB to its key's text per element and emits the length; fails once at <see cref="Fixture.FailAt"/>.</summary>
    private sealed class GrowingText : KeyedProcessFunction<long, long, (long Key, int Length)>
    {
        private IValueState<string> _text = null!;

        public override void Open() => _text = RuntimeContext.GetState(new ValueStateDescriptor<string>("text"));

        public override void ProcessElement(long value, Context context, ICollector<(long Key, int Length)> output)
        {
            if (value == Interlocked.CompareExchange(ref Fixture.FailAt, int.MaxValue, (int)value))
                throw new InvalidOperationException($"injected failure at {value}");
            var text = (_text.Value() ?? "") + new string((char)('a' + value % 26), Chunk);
            _text.Update(text);
            output.Collect((context.CurrentKey, text.Length));
        }
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Key_groups_larger_than_a_frame_should_be_checkpointed_across_nodes_and_restored_exactly()
    {
        var spec = Fixture.Catalog.Describe("large-state", new Dictionary<string, string>()).Spec;
        await using var client = await ClusterConnection.ConnectAsync(cluster.ContactPoints);
        var jobId = await client.SubmitAsync(spec);
        Fixture.Gate.OpenUpTo(Keys * (PerKey - 1));
        await Eventually.ReturnsAsync(() => Task.FromResult(Fixture.Lengths.Values), lengths => lengths.Count == Keys * (PerKey - 1), Patience);
        // Two more checkpoints after the last element: the latest one holds every key's 5 MiB.
        var before = (await client.ListJobsAsync()).Single(j => j.Id == jobId).Checkpoints;
        await Eventually.ReturnsAsync(() => client.ListJobsAsync(), jobs => jobs.Single(j => j.Id == jobId).Checkpoints >= before + 2, Patience);

        Fixture.FailAt = Keys * PerKey - 1;
        Fixture.Gate.OpenAll();
        var finished = await Eventually.ReturnsAsync(() => client.ListJobsAsync(),
            jobs => jobs.Single(j => j.Id == jobId).Status is JobStatus.Finished or JobStatus.Failed, Patience);

        var job = finished.Single(j => j.Id == jobId);
        Assert.Equal((JobStatus.Finished, 1), (job.Status, job.Restarts));
        var longest = Fixture.Lengths.Values.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Max(l => l.Length));
        Assert.Equal(Enumerable.Range(0, Keys).ToDictionary(k => (long)k, _ => PerKey * Chunk), longest);
    }
}

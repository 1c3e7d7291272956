using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Tests.Support;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Tests;

public sealed class BackpressureSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const int BatchSize = 16;
    private const int Credits = 2;

    [Fact]
    public async Task A_blocked_sink_should_stop_the_source_within_the_credit_bound_and_lose_nothing()
    {
        var (job, source, sink) = await StartBlockedAsync("backpressure");
        using var _ = sink;
        var emitted = await Eventually.Settled(() => source.Emitted, TimeSpan.FromMilliseconds(300));

        // In flight at most: the receiver's credited batches (one of them being written), one
        // full batch in the sender's backlog, and one partly filled batch.
        Assert.InRange(emitted, 1, (Credits * BatchSize) + BatchSize + (BatchSize - 1));

        sink.Open();
        await Eventually.WaitUntil(() => source.Emitted > emitted + 10_000);
        await job.StopAsync();
        await job.Completion;

        var received = sink.Values;
        Assert.Equal(source.Emitted, received.Count);
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received);
    }

    [Fact]
    public async Task A_blocked_sink_should_show_its_upstream_as_highly_back_pressured_and_counts_that_match_once_it_moves()
    {
        var (job, source, sink) = await StartBlockedAsync("blocked-sink-metrics");
        using var _ = sink;
        var counter = await Eventually.ReturnsAsync(
            async () => (await Details(job.JobId)).Vertices.Single(v => v.Inputs.Count == 0),
            v => v.Subtasks[0].Metrics.Load.BackPressuredMsPerSecond > 900, // a whole reporting period blocked
            TimeSpan.FromSeconds(15));
        Assert.Equal("high", counter.Subtasks[0].Metrics.Load.BackPressureLevel);
        Assert.True(counter.Subtasks[0].Metrics.Load.BusyMsPerSecond < 100, counter.Subtasks[0].Metrics.Load.ToString());

        sink.Open();
        await Eventually.WaitUntil(() => source.Emitted > 20_000);
        await job.StopAsync();
        await job.Completion;
        var details = await Details(job.JobId);
        var sent = details.Vertices.Single(v => v.Inputs.Count == 0).Subtasks.Sum(s => s.Metrics.RecordsSent);
        var received = details.Vertices.Single(v => v.Inputs.Count == 1).Subtasks.Sum(s => s.Metrics.RecordsIn);
        Assert.Equal((source.Emitted, source.Emitted), (sent, received));
        Assert.Equal(sink.Values.Count, received);
    }

    /// <summary>A counting source into a sink that blocks at its first record, in separate vertices; returns once the sink blocks.</summary>
    private async Task<(Graph.IJobClient Job, CountingSource Source, GatedSink<long> Sink)> StartBlockedAsync(string name)
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.Settings = env.Settings with { BatchSize = BatchSize, CreditsPerChannel = Credits };
        var source = new CountingSource();
        var sink = new GatedSink<long>();
        env.FromSource(source, Graph.WatermarkStrategy<long>.NoWatermarks(), "counter")
            .SinkTo(sink).DisableChaining();
        var job = await env.StartAsync(name);
        await Eventually.WaitUntil(() => sink.Arrived == 1);
        return (job, source, sink);
    }

    private Task<JobDetails> Details(string jobId) =>
        fixture.Node.JobMasterRegion.Ask<JobDetails>(new ShardingEnvelope(jobId, GetJobDetails.Instance), TimeSpan.FromSeconds(10));
}

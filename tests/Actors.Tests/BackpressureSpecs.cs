using ActorStream.Actors.Tests.Support;

namespace ActorStream.Actors.Tests;

public sealed class BackpressureSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const int BatchSize = 16;
    private const int Credits = 2;

    [Fact]
    public async Task A_blocked_sink_should_stop_the_source_within_the_credit_bound_and_lose_nothing()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.Settings = env.Settings with { BatchSize = BatchSize, CreditsPerChannel = Credits };
        var source = new CountingSource();
        using var sink = new GatedSink<long>();
        env.FromSource(source, Graph.WatermarkStrategy<long>.NoWatermarks(), "counter")
            .SinkTo(sink).DisableChaining();

        var job = await env.StartAsync("backpressure");
        await Eventually.WaitUntil(() => sink.Arrived == 1);
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
}

using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class IdlenessSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task An_idle_source_should_not_stall_event_time_timers_downstream()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.AutoWatermarkInterval = TimeSpan.FromMilliseconds(20);
        var sink = new CollectSink<string>();
        var strategy = WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v)
            .WithIdleness(TimeSpan.FromMilliseconds(100));
        var busy = env.FromSource(new CountingSource(), strategy, "busy");
        var silent = env.FromSource(new SilentSource(), strategy, "silent");
        busy.Union(silent).KeyBy(v => v % 3).Process(new FireAtTen()).SinkTo(sink);

        var job = await env.StartAsync("idleness");
        // Without idleness the silent source keeps the union's watermark at its minimum and no timer fires until the end.
        await Eventually.WaitUntil(() => sink.Values.Count >= 3);
        await job.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);

        Assert.Equal(["0@10", "1@10", "2@10"], sink.Values.Order());
    }

    private sealed class FireAtTen : KeyedProcessFunction<long, long, string>
    {
        public override void ProcessElement(long value, Context context, ICollector<string> output)
        {
            if (value < 10) // one timer per key; a timer registered behind the watermark would fire again
                context.TimerService.RegisterEventTimeTimer(10);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp}");
    }

    /// <summary>An unbounded source that never has a record.</summary>
    private sealed class SilentSource : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader();

        private sealed class Reader : ISourceReader<long>
        {
            public InputStatus PollNext(ISourceOutput<long> output) => InputStatus.NothingAvailable;

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }
}

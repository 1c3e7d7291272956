using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Actors.Tests;

public sealed class TimerSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Event_time_timers_should_fire_once_each_as_watermarks_cross_the_network()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.AutoWatermarkInterval = TimeSpan.Zero; // a watermark after every event
        var events = Enumerable.Range(0, 2_000).Select(i => (Key: $"k{i % 13}", Ts: (long)i * 10)).ToList();
        var sink = new CollectSink<string>();
        env.FromSource(new CollectionSource<(string Key, long Ts)>(events),
                WatermarkStrategy<(string Key, long Ts)>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(50))
                    .WithTimestampAssigner((e, _) => e.Ts), "events")
            .KeyBy(e => e.Key)
            .Process(new LastSeenTimer())
            .SinkTo(sink);

        await env.ExecuteAsync("event-time-timers");

        var expected = events.GroupBy(e => e.Key).SelectMany(g => g.Select(e => $"{g.Key}@{e.Ts + 100}"));
        Assert.Equal(expected.Order(), sink.Values.Order());
    }

    [Fact]
    public async Task Processing_time_timers_should_fire_in_a_running_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        var sink = new CollectSink<string>();
        env.FromSource(new IdleAfter<string>(["x", "y"]), WatermarkStrategy<string>.NoWatermarks(), "two")
            .KeyBy(v => v)
            .Process(new ProcessingTimeEcho())
            .SinkTo(sink);

        var job = await env.StartAsync("processing-time-timers");
        await Eventually.WaitUntil(() => sink.Values.Count == 2);
        await job.StopAsync();
        await job.Completion;

        Assert.Equal(["x:ProcessingTime", "y:ProcessingTime"], sink.Values.Order());
    }

    private sealed class LastSeenTimer : KeyedProcessFunction<string, (string Key, long Ts), string>
    {
        public override void ProcessElement((string Key, long Ts) value, Context context, ICollector<string> output) =>
            context.TimerService.RegisterEventTimeTimer(value.Ts + 100);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}@{timestamp}");
    }

    private sealed class ProcessingTimeEcho : KeyedProcessFunction<string, string, string>
    {
        public override void ProcessElement(string value, Context context, ICollector<string> output) =>
            context.TimerService.RegisterProcessingTimeTimer(context.TimerService.CurrentProcessingTime() + 50);

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<string> output) =>
            output.Collect($"{context.CurrentKey}:{context.TimeDomain}");
    }

    /// <summary>Emits its items, then has nothing more until the job is stopped.</summary>
    private sealed class IdleAfter<T>(IReadOnlyList<T> items) : ISource<T>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<T> CreateReader(SourceReaderContext context) => new Reader(items);

        private sealed class Reader(IReadOnlyList<T> items) : ISourceReader<T>
        {
            private int _next;

            public InputStatus PollNext(ISourceOutput<T> output)
            {
                if (_next == items.Count)
                    return InputStatus.NothingAvailable;
                output.Collect(items[_next++]);
                return InputStatus.MoreAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
                Task.Delay(Timeout.Infinite, cancellationToken);

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }
}

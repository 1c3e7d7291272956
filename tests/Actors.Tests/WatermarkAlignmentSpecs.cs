using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class WatermarkAlignmentSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const long Step = 10; // event-time ms between the fast source's records
    private const long MaxDrift = 200;

    [Fact]
    public async Task A_source_should_pause_while_another_source_of_its_group_lags_and_resume_when_it_catches_up()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.AutoWatermarkInterval = TimeSpan.FromMilliseconds(5);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new CollectSink<long>();
        var aligned = WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((v, _) => v)
            .WithWatermarkAlignment("ticks", TimeSpan.FromMilliseconds(MaxDrift), TimeSpan.FromMilliseconds(20));
        var fast = env.FromSource(new FastSource(), aligned, "fast");
        var slow = env.FromSource(new GatedSource(gate.Task), aligned, "slow");
        fast.Union(slow).SinkTo(sink);

        var job = await env.StartAsync("watermark-alignment");
        await Eventually.WaitUntil(() => sink.Values.Contains(0L) && sink.Values.Count(v => v > 0) >= 10);
        await Task.Delay(TimeSpan.FromSeconds(1));
        // The slow source's watermark is -1: the fast one reads on only until its watermark passes -1 + drift, plus what
        // it reads within one update interval and the report's round trip. Unaligned, it would be past 1 000 after a second even on a slow machine (about 5 000 on ours).
        var whileLagging = sink.Values.Max();
        Assert.InRange(whileLagging, MaxDrift, 4 * MaxDrift);

        gate.SetResult(); // the slow source jumps to 100 000: the fast one reads on, a drift per update interval
        await Eventually.WaitUntil(() => sink.Values.Where(v => v != 100_000).Max() >= 10 * MaxDrift);
        await job.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
    }

    /// <summary>An endless source of 0, 10, 20, ... at about one record per millisecond.</summary>
    private sealed class FastSource : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader();

        private sealed class Reader : ISourceReader<long>
        {
            private long _next;
            private bool _rest;

            public InputStatus PollNext(ISourceOutput<long> output)
            {
                if (_rest = !_rest)
                    return InputStatus.NothingAvailable;
                output.Collect(_next);
                _next += Step;
                return InputStatus.MoreAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.Delay(1, cancellationToken);

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }

    /// <summary>Emits 0, then 100 000 once the gate opens, then nothing: it never ends and never goes idle.</summary>
    private sealed class GatedSource(Task gate) : ISource<long>
    {
        public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

        public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader(gate);

        private sealed class Reader(Task gate) : ISourceReader<long>
        {
            private int _emitted;

            public InputStatus PollNext(ISourceOutput<long> output)
            {
                if (_emitted == 0 || (_emitted == 1 && gate.IsCompleted))
                {
                    output.Collect(_emitted++ == 0 ? 0 : 100_000);
                    return InputStatus.MoreAvailable;
                }
                return InputStatus.NothingAvailable;
            }

            public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
                _emitted == 1 ? gate.WaitAsync(cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken);

            public byte[] SnapshotState(long checkpointId) => [];

            public void Dispose() { }
        }
    }
}

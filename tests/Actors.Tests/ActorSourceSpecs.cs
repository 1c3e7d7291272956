using ActorStream.Actors.Interop;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Tests;

/// <summary>
/// Jobs fed by the application's actors: each batch acknowledged once the job holds it for good (after the checkpoint
/// that includes it), read again after a failure from where the checkpoint left off, and a front that never holds more
/// than its capacity.
/// </summary>
public sealed class ActorSourceSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_batch_should_be_acknowledged_after_the_checkpoint_that_holds_it_and_reach_the_sink()
    {
        var env = Streaming(parallelism: 2);
        var sink = new CollectSink<long>();
        var (numbers, source) = env.FromActor<long>(fixture.Node.System, "numbers-" + Guid.NewGuid().ToString("N"));
        numbers.Map(x => x * 10).SinkTo(sink);
        var job = await env.StartAsync("from-actor");
        var writer = source.Writer();

        await writer.SendAsync([1, 2, 3]).WaitAsync(Patience);

        Assert.True((await job.GetProgressAsync()).CompletedCheckpoints >= 1, "acknowledged before any checkpoint completed");
        Assert.Equal([10L, 20L, 30L], sink.Values.Order());
        await job.CancelAsync();
    }

    [Fact]
    public async Task After_a_failure_the_job_should_read_again_what_its_checkpoint_did_not_hold_and_keep_exact_state()
    {
        var source = ActorSource<long>.Create(fixture.Node.System, "failing-" + Guid.NewGuid().ToString("N"));
        var env = Streaming(parallelism: 2);
        env.RestartStrategy = RestartStrategy.FixedDelay(3, TimeSpan.FromMilliseconds(100));
        var sums = new CollectSink<(long Key, long Value)>();
        var failOnce = new FailOnce();
        // Slow enough that checkpoints fall in the middle of batches: a restore must go on inside a batch, not repeat it.
        env.FromSource(source, WatermarkStrategy<long>.NoWatermarks(), "numbers")
            .Map(x => x % 20 == 0 ? Slowly(failOnce.Apply(x)) : failOnce.Apply(x))
            .KeyBy(x => x % 4).Sum(x => x).SinkTo(sums);
        var job = await env.StartAsync("from-actor-failing");
        var writer = source.Writer();

        var sent = Task.WhenAll(Enumerable.Range(0, 4).Select(batch =>
            writer.SendAsync(Enumerable.Range(batch * 5_000 + 1, 5_000).Select(x => (long)x).ToList())));
        // Fail once a checkpoint holds part of the input: the restore must go on from inside a batch.
        await Eventually.WaitUntil(() => job.GetProgressAsync().Result.CompletedCheckpoints >= 1, Patience);
        failOnce.Armed = true;
        await sent.WaitAsync(Patience);

        var expected = Enumerable.Range(1, 20_000).GroupBy(x => (long)(x % 4)).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        await Eventually.WaitUntil(() => Finals(sums).Count == 4 && Finals(sums).All(f => f.Value == expected[f.Key]), Patience);
        Assert.True(failOnce.Failed, "the injected failure did not happen");
        Assert.Equal(1, (await job.GetProgressAsync()).Restarts);
        Assert.Equal(expected.OrderBy(e => e.Key), Finals(sums).OrderBy(e => e.Key)); // nothing lost, nothing counted twice
        await job.CancelAsync();
    }

    [Fact]
    public async Task A_full_front_should_tell_senders_it_is_busy_instead_of_holding_more()
    {
        var source = ActorSource<long>.Create(fixture.Node.System, "small-" + Guid.NewGuid().ToString("N"), capacity: 10);

        var first = source.Ref.Ask<object>(new ActorSourceBatch<long>([1, 2, 3, 4, 5]), Patience); // held: no job reads it yet
        var second = await source.Ref.Ask<object>(new ActorSourceBatch<long>(Enumerable.Range(0, 10).Select(x => (long)x).ToList()), Patience);

        Assert.Equal(new ActorSourceBusy(10), second);
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task A_reader_restored_from_inside_a_batch_should_go_on_after_the_records_its_checkpoint_holds()
    {
        var source = ActorSource<long>.Create(fixture.Node.System, "restored-" + Guid.NewGuid().ToString("N"));
        var acknowledged = source.Writer().SendAsync([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        var first = new Collected();
        var reader = source.CreateReader(new SourceReaderContext(0, 1, TimeProvider.System) { CheckpointingEnabled = true });
        await ReadAsync(reader, first, 4);
        var state = reader.SnapshotState(1); // four records of the batch are in checkpoint 1

        var second = new Collected(); // the job failed before checkpoint 1 completed, and restores it
        var restored = source.CreateReader(new SourceReaderContext(0, 1, TimeProvider.System) { CheckpointingEnabled = true, RestoredState = [state] });
        await ReadAsync(restored, second, 6);
        Assert.False(acknowledged.IsCompleted); // no checkpoint that holds the whole batch has completed
        restored.SnapshotState(2);
        restored.NotifyCheckpointComplete(2);

        Assert.Equal([1L, 2L, 3L, 4L], first.Values);
        Assert.Equal([5L, 6L, 7L, 8L, 9L, 10L], second.Values);
        await acknowledged.WaitAsync(Patience);
    }

    private static async Task ReadAsync(ISourceReader<long> reader, Collected output, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (output.Values.Count < count && DateTime.UtcNow < deadline)
        {
            if (reader.PollNext(output) == InputStatus.NothingAvailable)
                await reader.WaitForAvailabilityAsync(CancellationToken.None);
        }
    }

    private sealed class Collected : ISourceOutput<long>
    {
        public List<long> Values { get; } = [];

        public void Collect(long value) => Values.Add(value);

        public void Collect(long value, long timestamp) => Values.Add(value);
    }

    private StreamExecutionEnvironment Streaming(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(100));
        return env;
    }

    private static long Slowly(long x)
    {
        Thread.Sleep(1);
        return x;
    }

    private static Dictionary<long, long> Finals(CollectSink<(long Key, long Value)> sums) =>
        sums.Values.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Max(s => s.Value));

    /// <summary>Throws once, at the first record after it was armed (across restarts: the instance is shared in this process).</summary>
    private sealed class FailOnce
    {
        private int _failed;

        public volatile bool Armed;

        public bool Failed => Volatile.Read(ref _failed) == 1;

        public long Apply(long x) =>
            Armed && Interlocked.CompareExchange(ref _failed, 1, 0) == 0 ? throw new InvalidOperationException("injected failure") : x;
    }
}

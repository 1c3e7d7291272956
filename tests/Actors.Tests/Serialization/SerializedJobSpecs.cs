using System.Runtime.CompilerServices;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;
using Xunit.Abstractions;

namespace ActorStream.Actors.Tests.Serialization;

/// <summary>
/// Real jobs on a node that serializes every message it delivers: a message without a working
/// serializer is dropped (Akka logs and swallows the error), so a job that completes with exact
/// results used only messages that survive the wire. Afterwards no ActorStream type may have gone
/// through Akka's JSON fallback.
/// </summary>
public sealed class SerializedJobSpecs(SerializingNodeFixture fixture, ITestOutputHelper output) : IClassFixture<SerializingNodeFixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A record type without a built-in serializer: its batches use the JSON fallback of TypeSerializers.</summary>
    public sealed record WordCount(string Word, long Count);

    private void AssertNothingWentThroughJson()
    {
        foreach (var (type, count) in RecordingJsonSerializer.SeenTypes)
            output.WriteLine($"JSON fallback: {type.FullName} x{count}");
        var leaked = RecordingJsonSerializer.SeenTypes.Keys
            .Where(t => t.Assembly.GetName().Name!.StartsWith("ActorStream", StringComparison.Ordinal))
            .Select(t => t.FullName).ToList();
        Assert.True(leaked.Count == 0, $"Serialized with Akka's JSON fallback: {string.Join(", ", leaked)}");
    }

    [Fact]
    public async Task A_keyed_word_count_should_count_exactly_with_every_message_serialized()
    {
        Assert.True(fixture.Node.System.Settings.SerializeAllMessages);
        var lines = Enumerable.Range(0, 2_000).Select(i => $"the quick fox {i % 7} jumps over the lazy dog {i % 13} ünïcode").ToList();
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<WordCount>();
        env.FromCollection(lines)
            .Rebalance()
            .FlatMap(line => line.Split(' '))
            .Map(word => (Word: word, Count: 1L))
            .KeyBy(t => t.Word)
            .Reduce((a, b) => (a.Word, a.Count + b.Count))
            .Map(t => new WordCount(t.Word, t.Count))
            .Rebalance()
            .SinkTo(sink);

        await env.ExecuteAsync("serialized-word-count").WaitAsync(JobTimeout);

        var expected = lines.SelectMany(l => l.Split(' ')).GroupBy(w => w).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            sink.Values.ToDictionary(w => w.Word, w => w.Count).OrderBy(e => e.Key, StringComparer.Ordinal));
        AssertNothingWentThroughJson();
    }

    [Fact]
    public async Task Event_time_windows_should_sum_exactly_with_timestamps_and_watermarks_serialized()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        var sink = new CollectSink<(long Key, long Window, long Sum)>();
        env.FromSequence(1, 20_000)
            .AssignTimestampsAndWatermarks(WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((x, _) => x))
            .Map(x => (Key: x % 3, Window: x / 1_000 * 1_000, Sum: x))
            .KeyBy(t => t.Key)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)))
            .Reduce((a, b) => (a.Key, a.Window, a.Sum + b.Sum))
            .SinkTo(sink);

        await env.ExecuteAsync("serialized-windows").WaitAsync(JobTimeout);

        var expected = Enumerable.Range(1, 20_000).Select(x => (long)x)
            .GroupBy(x => (Key: x % 3, Window: x / 1_000 * 1_000)).Select(g => (g.Key.Key, g.Key.Window, g.Sum())).Order().ToList();
        Assert.Equal(expected, sink.Values.Order().ToList());
        AssertNothingWentThroughJson();
    }

    [Fact]
    public async Task A_checkpointed_job_should_complete_exactly_with_every_message_serialized()
    {
        var checkpointed = new StrongBox<bool>();
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(50));
        var sink = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env, 20_000, checkpointed).KeyBy(x => x % 10).Process(new RunningSum(_ => false)).Uid("sums").SinkTo(sink);

        var job = await env.StartAsync("serialized-checkpoints");
        await UntilACheckpointCompleted(job);
        Volatile.Write(ref checkpointed.Value, true);
        var result = await job.Completion.WaitAsync(JobTimeout);

        Assert.Equal(ExpectedSums(20_000), FinalSums(sink));
        Assert.Equal(20_000, sink.Values.Count); // exactly once: no failure, no replay
        Assert.True(result.CompletedCheckpoints >= 2, $"only {result.CompletedCheckpoints} checkpoints completed"); // periodic and final
        AssertNothingWentThroughJson();
    }

    [Fact]
    public async Task A_job_should_restore_its_keyed_state_from_a_checkpoint_with_every_message_serialized()
    {
        var checkpointed = new StrongBox<bool>();
        var fired = 0;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(50));
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var sink = new CollectSink<(long Key, long Sum)>();
        SlowNumbers(env, 20_000, checkpointed).KeyBy(x => x % 10)
            .Process(new RunningSum(_ => Volatile.Read(ref checkpointed.Value) && Interlocked.Exchange(ref fired, 1) == 0)).Uid("sums")
            .SinkTo(sink);

        var job = await env.StartAsync("serialized-restore");
        await UntilACheckpointCompleted(job);
        Volatile.Write(ref checkpointed.Value, true); // the next record fails the job while the sources still read
        var result = await job.Completion.WaitAsync(JobTimeout);

        // The sources resume from the checkpoint's offsets: without the restored sums these would fall short.
        Assert.Equal(ExpectedSums(20_000), FinalSums(sink));
        Assert.Equal((1, 1), (fired, result.Restarts));
        AssertNothingWentThroughJson();
    }

    [Fact]
    public async Task A_failed_job_should_report_the_original_error_type_across_the_wire()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.FromSequence(1, 10_000)
            .Map(x => x == 7_000 ? throw new InvalidOperationException("boom at 7000") : x).Name("explode")
            .SinkTo(new CollectSink<long>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("serialized-failure").WaitAsync(JobTimeout));

        Assert.Equal(("explode", 1), (error.OperatorName, error.SubtaskIndex));
        var cause = Assert.IsType<RemoteFailureException>(error.InnerException);
        Assert.Equal(("System.InvalidOperationException", "boom at 7000"), (cause.OriginalType, cause.OriginalMessage));
        Assert.Contains("boom at 7000", error.Message);
        AssertNothingWentThroughJson();
    }

    [Fact]
    public async Task Progress_and_cancellation_should_work_with_every_message_serialized()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(50));
        var source = new CountingSource();
        var sink = new CollectSink<long>();
        env.FromSource(source, WatermarkStrategy<long>.NoWatermarks(), "counter").Rebalance().SinkTo(sink);

        var job = await env.StartAsync("serialized-cancel");
        await Eventually.WaitUntil(() => sink.Values.Count > 1_000, JobTimeout);
        var progress = await job.GetProgressAsync();
        await job.CancelAsync();

        Assert.Equal(JobStatus.Running, progress.Status);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion.WaitAsync(JobTimeout));
        AssertNothingWentThroughJson();
    }

    /// <summary>The numbers, slow until <paramref name="released"/>, so that checkpoints happen while they flow.</summary>
    private static DataStream<long> SlowNumbers(StreamExecutionEnvironment env, long count, StrongBox<bool> released) =>
        env.FromSequence(1, count).Uid("numbers")
            .Map(x =>
            {
                if (!Volatile.Read(ref released.Value))
                    Thread.Sleep(1);
                return x;
            }).Uid("slow");

    /// <summary>Polls the job's progress (a serialized ask) until a checkpoint completed.</summary>
    private static async Task UntilACheckpointCompleted(IJobClient job)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        while ((await job.GetProgressAsync()).CompletedCheckpoints == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No checkpoint completed in time.");
            await Task.Delay(20);
        }
    }

    private static Dictionary<long, long> ExpectedSums(long count) =>
        Enumerable.Range(1, (int)count).GroupBy(x => (long)x % 10).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));

    private static Dictionary<long, long> FinalSums(CollectSink<(long Key, long Sum)> sink) =>
        sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
}

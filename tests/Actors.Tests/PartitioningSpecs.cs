using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

/// <summary>Rescale, Global, PartitionCustom and Shuffle end to end: which sender reached which target, and every record exactly once.</summary>
public sealed class PartitioningSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    /// <summary>Tags each value with the subtask that sent it on.</summary>
    private sealed class TagSender : RichMapFunction<long, (int Sender, long Value)>
    {
        public override (int Sender, long Value) Map(long value) => (RuntimeContext.IndexOfThisSubtask, value);
    }

    private async Task<CollectSink<(int Sender, long Value)>> RescaleAsync(int senders, int targets, long count)
    {
        var env = fixture.CreateEnvironment(parallelism: senders);
        var sink = new CollectSink<(int Sender, long Value)>();
        env.FromSequence(1, count).Map(new TagSender()).Rescale().SinkTo(sink).SetParallelism(targets);
        await env.ExecuteAsync($"rescale-{senders}-{targets}");
        return sink;
    }

    [Fact]
    public async Task Rescale_from_two_to_four_should_send_each_sender_round_robin_to_its_own_two_targets()
    {
        var sink = await RescaleAsync(senders: 2, targets: 4, count: 1_000);

        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), sink.Values.Select(v => v.Value).Order());
        Assert.Equal([(0, 0), (0, 1), (1, 2), (1, 3)], sink.WithSubtasks.Select(v => (v.Value.Sender, Target: v.Subtask)).Distinct().Order());
        // Each sender has 500 numbers and alternates between its two targets.
        Assert.Equal([(0, 250), (1, 250), (2, 250), (3, 250)],
            sink.WithSubtasks.CountBy(v => v.Subtask).Select(c => (c.Key, c.Value)).Order());
    }

    [Fact]
    public async Task Rescale_from_four_to_two_should_give_each_target_two_contiguous_senders()
    {
        var sink = await RescaleAsync(senders: 4, targets: 2, count: 1_000);

        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), sink.Values.Select(v => v.Value).Order());
        Assert.Equal([(0, 0), (1, 0), (2, 1), (3, 1)], sink.WithSubtasks.Select(v => (v.Value.Sender, Target: v.Subtask)).Distinct().Order());
    }

    [Fact]
    public async Task Global_should_send_every_record_to_subtask_zero()
    {
        var env = fixture.CreateEnvironment(parallelism: 3);
        var sink = new CollectSink<long>();
        env.FromSequence(1, 3_000).Global().Map(x => x * 10).SinkTo(sink);

        await env.ExecuteAsync("global");

        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => i * 10L), sink.Values.Order());
        Assert.All(sink.WithSubtasks, v => Assert.Equal(0, v.Subtask));
    }

    [Fact]
    public async Task PartitionCustom_should_route_every_record_to_the_subtask_its_partitioner_picks()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<long>();
        env.FromSequence(1, 3_000).PartitionCustom((long key, int partitions) => (int)(key % partitions), x => x).Map(x => x)
            .SetParallelism(3).SinkTo(sink).SetParallelism(3);

        await env.ExecuteAsync("custom");

        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => (long)i), sink.Values.Order());
        Assert.All(sink.WithSubtasks, v => Assert.Equal((int)(v.Value % 3), v.Subtask));
    }

    [Fact]
    public async Task PartitionCustom_should_fail_the_job_when_the_partitioner_returns_a_channel_out_of_range()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.FromSequence(1, 10).PartitionCustom((long key, int partitions) => key == 7 ? partitions : 0, x => x)
            .SinkTo(new CollectSink<long>(), "routed").SetParallelism(2);

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("custom-out-of-range"));

        Assert.Equal("PartitionCustom's partitioner returned partition 2 for key '7', but 'routed' has 2 subtasks; return a value in 0..1.",
            Assert.IsType<InvalidOperationException>(error.InnerException).Message);
    }

    [Fact]
    public async Task Shuffle_should_deliver_every_record_exactly_once_over_all_targets()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<long>();
        env.FromSequence(1, 10_000).Shuffle().SinkTo(sink).SetParallelism(3);

        await env.ExecuteAsync("shuffle");

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), sink.Values.Order());
        Assert.Equal([0, 1, 2], sink.WithSubtasks.Select(v => v.Subtask).Distinct().Order());
    }

    [Fact]
    public async Task A_checkpointed_job_with_rescale_edges_should_restore_with_exact_state_after_a_failure()
    {
        const long count = 60_000;
        var armed = 0;
        var fired = 0;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20));
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var numbers = new GatedSequenceSource(count);
        var sink = new CollectSink<(long Key, long Sum)>();
        // 1 -> 3 subtasks (one sender, three channels), then 3 -> 2 (target 1 aligns barriers from two senders).
        env.FromSource(numbers, WatermarkStrategy<long>.NoWatermarks(), "numbers").Uid("numbers")
            .Rescale().Map(x => x).Uid("fan-out").SetParallelism(3)
            .Rescale().Map(x => x).Uid("fan-in").SetParallelism(2)
            .KeyBy(x => x % 10)
            .Process(new RunningSum(_ => Volatile.Read(ref armed) == 1 && Interlocked.Exchange(ref fired, 1) == 0)).Uid("sums")
            .SinkTo(sink);

        numbers.OpenUpTo(count / 2);
        var job = await env.StartAsync("rescale-restore");
        await Eventually.WaitUntil(() => sink.Values.Count >= count / 2, TimeSpan.FromMinutes(1));
        var completed = (await job.GetProgressAsync()).CompletedCheckpoints;
        await Eventually.WaitUntil(() => job.GetProgressAsync().Result.CompletedCheckpoints >= completed + 2, TimeSpan.FromMinutes(1));
        Volatile.Write(ref armed, 1); // the next number fails its keyed subtask
        numbers.OpenAll();
        var result = await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1, 1), (fired, result.Restarts));
        var expected = Enumerable.Range(1, (int)count).GroupBy(x => x % 10L).ToDictionary(g => g.Key, g => g.Sum(x => (long)x));
        Assert.Equal(expected, sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum)));
        // The restore starts after number 30,000: a restart from scratch would emit those 30,000 sums again, while the
        // restore repeats only what the other keyed subtask summed between the release and the failure (three hops of buffers).
        Assert.InRange(sink.Values.Count, count, count + 20_000);
    }
}

using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

/// <summary>
/// Streaming a job's results back to the caller: exact results, a limit or an early exit cancels the job, a slow caller
/// holds the job at the buffer bound, and what the caller sees across a restart with and without checkpoints.
/// </summary>
public sealed class CollectSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExecuteAndCollect_should_yield_exactly_the_results_of_every_sink_subtask_and_end_with_the_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 3);
        var results = env.FromSequence(1, 2_000).Map(x => x * 2).ExecuteAndCollectAsync("collect-all");

        var collected = await ReadAllAsync(results);

        Assert.Equal(Enumerable.Range(1, 2_000).Select(x => x * 2L), collected.Order());
        var finished = await results.JobClient!.Completion.WaitAsync(Patience);
        Assert.Equal("collect-all", finished.JobName);
    }

    [Fact]
    public async Task ExecuteAndCollect_on_the_local_environment_should_yield_the_results_in_order()
    {
        var env = StreamExecutionEnvironment.GetExecutionEnvironment();
        env.Parallelism = 1;

        var collected = await ReadAllAsync(env.FromCollection(["a", "b", "c"]).Map(s => s.ToUpperInvariant()).ExecuteAndCollectAsync("local-collect"));

        Assert.Equal(["A", "B", "C"], collected);
    }

    [Fact]
    public async Task ExecuteAndCollect_with_a_limit_should_return_the_first_records_and_stop_an_endless_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);

        // Returns only once the job stopped: an endless job that was not cancelled would keep this waiting.
        var first = await env.FromSequence(0, long.MaxValue - 1).ExecuteAndCollectAsync(10, "limited").WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 10).Select(x => (long)x), first);
    }

    [Fact]
    public async Task Leaving_the_enumeration_early_should_cancel_the_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var results = env.FromSequence(0, long.MaxValue - 1).ExecuteAndCollectAsync("left-early");
        var seen = 0;

        await foreach (var _ in results)
        {
            if (++seen == 5)
                break;
        }

        var job = results.JobClient!;
        Assert.True(job.Completion.IsCompleted, "leaving the enumeration returned before the job stopped");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
        Assert.Equal(JobStatus.Cancelled, (await job.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task Cancelling_the_token_should_end_the_enumeration_and_cancel_the_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        using var cancellation = new CancellationTokenSource();
        var results = env.FromSequence(0, long.MaxValue - 1).ExecuteAndCollectAsync("cancelled", cancellationToken: cancellation.Token);
        var seen = new List<long>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var x in results)
            {
                seen.Add(x);
                if (seen.Count == 3)
                    await cancellation.CancelAsync();
            }
        });

        Assert.Equal([0L, 1L, 2L], seen);
        Assert.True(results.JobClient!.Completion.IsCompleted, "the job still runs after the enumeration was cancelled");
        Assert.Equal(JobStatus.Cancelled, (await results.JobClient.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task A_slow_caller_should_hold_the_job_back_at_the_buffer_bound()
    {
        const int bound = 16;
        var env = fixture.CreateEnvironment(parallelism: 2);
        var results = env.FromSequence(1, 3_000).ExecuteAndCollectAsync("slow-caller", new CollectOptions { BufferSize = bound });
        var collected = new List<long>();
        var overBound = new List<string>();

        await foreach (var x in results)
        {
            if (collected.Count == 0)
            {
                // The caller pauses after its first record: the sinks fill the buffer, then wait.
                await Eventually.WaitUntil(() => results.Released == bound + 1, Patience);
                Assert.Equal(bound, results.Buffered);
            }
            collected.Add(x);
            // Nothing enters the buffer beyond what the caller took plus the bound, however fast the job could go.
            if (results.Released > collected.Count + bound)
                overBound.Add($"released {results.Released} with {collected.Count} read");
            if (collected.Count % 100 == 0)
                await Task.Yield();
        }

        Assert.Empty(overBound);
        Assert.Equal(bound, results.MaxBuffered);
        Assert.Equal(Enumerable.Range(1, 3_000).Select(x => (long)x), collected.Order());
    }

    [Fact]
    public async Task With_checkpoints_a_restart_should_neither_repeat_nor_lose_a_record_the_caller_saw()
    {
        var env = Checkpointed(parallelism: 2);
        var source = new GatedSequenceSource(3_000);
        source.OpenUpTo(1_000);
        var failOnce = new FailOnce();
        var results = env.FromSource(source, WatermarkStrategy<long>.NoWatermarks(), "gated").Rebalance()
            .Map(failOnce.Apply).ExecuteAndCollectAsync("collect-restart");
        var collected = new List<long>();

        await foreach (var x in results.WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            collected.Add(x);
            if (collected.Count == 1_000)
            {
                // The caller saw the first thousand, released by a completed checkpoint; the next record fails a sink
                // subtask, and records the other subtask wrote after that checkpoint are not released but read again.
                failOnce.Armed = true;
                source.OpenUpTo(2_000);
            }
            else if (collected.Count == 2_000)
            {
                source.OpenAll();
            }
        }

        Assert.True(failOnce.Failed, "the injected failure did not happen");
        var finished = await results.JobClient!.Completion;
        Assert.Equal(1, finished.Restarts);
        Assert.Equal(Enumerable.Range(1, 3_000).Select(x => (long)x), collected.Order()); // each exactly once
    }

    [Fact]
    public async Task Without_checkpoints_a_restart_should_deliver_the_records_of_the_failed_attempt_again()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.RestartStrategy = RestartStrategy.FixedDelay(3, TimeSpan.FromMilliseconds(100));
        var failOnce = new FailOnce();
        var results = env.FromSequence(1, 2_000).Map(x => failOnce.Apply(Slowly(x))).ExecuteAndCollectAsync("collect-restart-unchecked");
        var collected = new List<long>();

        await foreach (var x in results.WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            collected.Add(x);
            failOnce.Armed = true;
        }

        Assert.True(failOnce.Failed, "the injected failure did not happen");
        Assert.Equal(1, (await results.JobClient!.Completion).Restarts);
        // The restart runs the job from the start: what the caller saw before the failure comes again.
        var before = collected.IndexOf(1, 1);
        Assert.True(before > 0, "the second attempt's records did not start again at 1");
        Assert.Equal(Enumerable.Range(1, before).Select(x => (long)x), collected.Take(before));
        Assert.Equal(Enumerable.Range(1, 2_000).Select(x => (long)x), collected.Skip(before));
    }

    [Fact]
    public async Task CollectAsync_should_yield_the_records_of_a_job_the_program_started_to_each_collected_stream()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var numbers = env.FromSequence(1, 1_000);
        var evens = numbers.Filter(x => x % 2 == 0).CollectAsync();
        var odds = numbers.Filter(x => x % 2 == 1).CollectAsync();

        var job = await env.StartAsync("collect-async");
        var (even, odd) = (ReadAllAsync(evens), ReadAllAsync(odds));

        Assert.Equal(Enumerable.Range(1, 500).Select(x => x * 2L), (await even).Order());
        Assert.Equal(Enumerable.Range(0, 500).Select(x => x * 2L + 1), (await odd).Order());
        await job.Completion.WaitAsync(Patience);
        Assert.Same(job, evens.JobClient);
    }

    [Fact]
    public async Task A_job_failure_should_be_thrown_by_the_enumeration()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        var results = env.FromSequence(1, 100).Map(x => x == 50 ? throw new InvalidOperationException("boom at 50") : x).Name("explode")
            .ExecuteAndCollectAsync("collect-failing");

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => ReadAllAsync(results));

        Assert.Equal("explode", error.OperatorName);
        Assert.Equal("boom at 50", error.InnerException?.Message);
    }

    [Fact]
    public async Task A_collect_sink_in_a_graph_its_environment_did_not_submit_should_fail_the_job_saying_why()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        _ = env.FromSequence(1, 10).CollectAsync();
        var graph = env.GetJobGraph("rebuilt-elsewhere"); // as a job catalog on a cluster node builds it: nobody reads its results

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => fixture.Node.Submit(graph).Completion.WaitAsync(Patience));

        Assert.Contains("has no caller to hand its records to", error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collected_stream_should_be_enumerable_once()
    {
        var results = fixture.CreateEnvironment().FromSequence(1, 10).CollectAsync();
        _ = results.GetAsyncEnumerator();

        var error = Assert.Throws<InvalidOperationException>(() => results.GetAsyncEnumerator());

        Assert.Contains("enumerated once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_of_no_records_should_be_rejected_naming_the_option()
    {
        var stream = fixture.CreateEnvironment().FromSequence(1, 10);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => stream.CollectAsync(new CollectOptions { BufferSize = 0 }));

        Assert.Contains("CollectOptions.BufferSize", error.Message, StringComparison.Ordinal);
    }

    private StreamExecutionEnvironment Checkpointed(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(100));
        env.RestartStrategy = RestartStrategy.FixedDelay(3, TimeSpan.FromMilliseconds(100));
        return env;
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> results)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var collected = new List<T>();
        await foreach (var x in results.WithCancellation(deadline.Token))
            collected.Add(x);
        return collected;
    }

    private static long Slowly(long x, int every = 10)
    {
        if (x % every == 0)
            Thread.Sleep(1);
        return x;
    }

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

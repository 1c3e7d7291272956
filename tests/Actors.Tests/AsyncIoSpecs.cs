using System.Collections.Concurrent;
using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class AsyncIoSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const int Users = 50;

    private static readonly IReadOnlyDictionary<long, string> UserNames =
        Enumerable.Range(0, Users).ToDictionary(id => (long)id, id => $"user-{id}");

    /// <summary>A lookup in a remote user table: answers after a random delay, so calls complete out of order.</summary>
    private static async Task<string> EnrichAsync(long click, CancellationToken cancellationToken)
    {
        await Task.Delay(Random.Shared.Next(0, 4), cancellationToken).ConfigureAwait(false);
        return $"{click}:{UserNames[click % Users]}";
    }

    /// <summary>Records what each subtask took in, in order.</summary>
    private sealed class RecordInput(ConcurrentQueue<(int Subtask, long Click)> seen) : RichMapFunction<long, long>
    {
        public override long Map(long value)
        {
            seen.Enqueue((RuntimeContext.IndexOfThisSubtask, value));
            return value;
        }
    }

    [Theory]
    [InlineData(AsyncOutputMode.Ordered)]
    [InlineData(AsyncOutputMode.Unordered)]
    public async Task An_enrichment_job_should_emit_every_click_enriched_once(AsyncOutputMode mode)
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var seen = new ConcurrentQueue<(int Subtask, long Click)>();
        var sink = new CollectSink<string>();
        var clicks = env.FromSequence(1, 2_000).Map(new RecordInput(seen));
        var enriched = mode == AsyncOutputMode.Ordered
            ? AsyncDataStream.OrderedWait(clicks, EnrichAsync, TimeSpan.FromSeconds(30), capacity: 16)
            : AsyncDataStream.UnorderedWait(clicks, EnrichAsync, TimeSpan.FromSeconds(30), capacity: 16);
        enriched.Name("enrich").SinkTo(sink);

        await env.ExecuteAsync($"enrich-{mode}").WaitAsync(TimeSpan.FromMinutes(1));

        var expected = Enumerable.Range(1, 2_000).Select(c => $"{c}:user-{c % Users}").ToList();
        Assert.Equal(expected.Order(), sink.Values.Order());
        if (mode != AsyncOutputMode.Ordered)
            return;
        // Chained, so a subtask's output order is its input order.
        foreach (var subtask in new[] { 0, 1 })
        {
            Assert.Equal(seen.Where(s => s.Subtask == subtask).Select(s => $"{s.Click}:user-{s.Click % Users}"),
                sink.WithSubtasks.Where(s => s.Subtask == subtask).Select(s => s.Value));
        }
    }

    [Fact]
    public async Task A_failure_should_restore_the_elements_in_flight_at_the_checkpoint_so_keyed_state_counts_each_click_once()
    {
        const long count = 20_000;
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        env.EnableCheckpointing(TimeSpan.FromMilliseconds(20));
        env.RestartStrategy = RestartStrategy.FixedDelay(2, TimeSpan.Zero);
        var clicks = new GatedSequenceSource(count);
        var fired = 0;
        var sink = new CollectSink<(long Key, long Sum)>();
        var stream = env.FromSource(clicks, WatermarkStrategy<long>.NoWatermarks(), "clicks").Uid("clicks").Rebalance();
        AsyncDataStream.UnorderedWait(stream, async (long click, CancellationToken ct) =>
            {
                await Task.Delay(Random.Shared.Next(1, 4), ct).ConfigureAwait(false);
                // Well after several checkpoints that held elements in flight: the lookup fails once.
                if (click == 3 * count / 4 && Interlocked.Exchange(ref fired, 1) == 0)
                    throw new HttpRequestException("user service unavailable");
                return click;
            }, TimeSpan.FromSeconds(30), capacity: 32).Uid("enrich").Name("enrich")
            .KeyBy(x => x % 10)
            .Process(new RunningSum()).Uid("sums")
            .SinkTo(sink);

        clicks.OpenAll();
        var result = await env.ExecuteAsync("enrich-restore").WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((1, 1), (fired, result.Restarts));
        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Sum));
        Assert.Equal(Enumerable.Range(1, (int)count).GroupBy(x => (long)x % 10).ToDictionary(g => g.Key, g => g.Sum(x => (long)x)), finals);
    }

    [Fact]
    public async Task A_failing_lookup_should_fail_the_job_naming_the_async_operator()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        var clicks = env.FromSequence(1, 100);
        AsyncDataStream.OrderedWait(clicks, async (long click, CancellationToken ct) =>
            {
                await Task.Yield();
                return click == 50 ? throw new KeyNotFoundException("no user for click 50") : click;
            }, TimeSpan.FromSeconds(30)).Name("enrich")
            .SinkTo(new CollectSink<long>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("enrich-failing"));

        Assert.Equal("enrich", error.OperatorName);
        Assert.Contains("The async function of 'enrich' failed after 1 attempt: KeyNotFoundException: no user for click 50", error.InnerException!.Message);
    }
}

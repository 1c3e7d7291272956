using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class JobLifecycleSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Stop_should_end_the_sources_and_let_the_job_drain_and_finish()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var source = new CountingSource();
        var sink = new CollectSink<(long Key, long Value)>();
        env.FromSource(source, WatermarkStrategy<long>.NoWatermarks(), "counter")
            .KeyBy(x => x % 5)
            .Sum(x => 1L)
            .SinkTo(sink);

        var job = await env.StartAsync("stop");
        await Eventually.WaitUntil(() => source.Emitted > 5_000);
        await job.StopAsync();
        var result = await job.Completion;

        // Streaming mode: every update is emitted, and the last update per key is that key's count.
        var emitted = source.Emitted;
        Assert.Equal(emitted, sink.Values.Count);
        var finals = sink.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Max(v => v.Value));
        Assert.Equal(emitted, finals.Values.Sum());
        Assert.Equal(2, sink.EndOfInputFlushes);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Cancelling_the_token_should_cancel_the_job_without_ending_its_output()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var source = new CountingSource();
        var sink = new CollectSink<long>();
        env.FromSource(source, WatermarkStrategy<long>.NoWatermarks(), "counter").Rebalance().SinkTo(sink);
        using var cts = new CancellationTokenSource();

        var run = env.ExecuteAsync("cancel", cts.Token);
        await Eventually.WaitUntil(() => source.Emitted > 1_000);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, sink.EndOfInputFlushes);
    }

    [Fact]
    public async Task Progress_should_report_records_read_and_written()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var sink = new CollectSink<long>();
        env.FromSequence(1, 50_000).Filter(x => x % 2 == 0).SinkTo(sink);

        var job = await env.StartAsync("progress");
        await job.Completion;
        var progress = await job.GetProgressAsync();

        Assert.Equal(JobStatus.Finished, progress.Status);
        Assert.Equal(50_000, progress.RecordsIn);
        Assert.Equal(25_000, progress.RecordsOut);
    }

    [Fact]
    public async Task Counters_of_all_subtasks_should_be_summed_in_the_result()
    {
        var env = fixture.CreateEnvironment(parallelism: 3);
        env.FromSequence(1, 3_000).Rebalance().Map(new CountingMap()).SinkTo(new CollectSink<long>());

        var result = await env.ExecuteAsync("counters");

        Assert.Equal(3_000, result.GetCounter("seen"));
        Assert.Equal(3, result.GetCounter("opened"));
    }

    private sealed class CountingMap : RichMapFunction<long, long>
    {
        private ICounter _seen = null!;

        public override void Open()
        {
            _seen = RuntimeContext.GetCounter("seen");
            RuntimeContext.GetCounter("opened").Add();
        }

        public override long Map(long value)
        {
            _seen.Add();
            return value;
        }
    }
}

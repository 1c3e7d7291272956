using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class FailureSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_throwing_chained_operator_should_fail_the_job_naming_the_operator_and_subtask()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.FromSequence(1, 10_000)
            .Map(x => x)
            .Map(x => x == 7_000 ? throw new InvalidOperationException("boom at 7000") : x).Name("explode")
            .SinkTo(new CollectSink<long>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("failing"));

        Assert.Equal("explode", error.OperatorName);
        Assert.Equal(1, error.SubtaskIndex); // 7000 lies in the second half of the sequence
        var cause = Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal("boom at 7000", cause.Message);
        Assert.Contains("'explode' (subtask 2/2)", error.Message);
    }

    [Fact]
    public async Task A_throwing_keyed_operator_after_a_network_edge_should_fail_the_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 3);
        env.FromSequence(1, 1_000)
            .KeyBy(x => x % 7)
            .Reduce((a, b) => b == 500 ? throw new ArgumentException("bad 500") : a + b)
            .SinkTo(new CollectSink<long>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("failing-keyed"));

        Assert.Equal("Keyed Reduce", error.OperatorName);
        Assert.IsType<ArgumentException>(error.InnerException);
        var owner = Graph.Keys.KeyGroupRangeAssignment.AssignKeyToParallelOperator(500L % 7, 128, 3);
        Assert.Equal(owner, error.SubtaskIndex);
    }

    [Fact]
    public async Task A_throwing_source_should_fail_the_job()
    {
        var env = fixture.CreateEnvironment(parallelism: 1);
        env.FromCollection(Items()).SinkTo(new CollectSink<int>());

        var error = await Assert.ThrowsAsync<JobExecutionException>(() => env.ExecuteAsync("failing-source"));

        Assert.Equal("Collection Source", error.OperatorName);
        Assert.Equal("source broke", error.InnerException!.Message);

        static IEnumerable<int> Items()
        {
            yield return 1;
            throw new IOException("source broke");
        }
    }

    [Fact]
    public async Task A_failed_job_whose_subtasks_are_still_stopping_should_report_the_failure_with_its_status()
    {
        var halfBroken = new HalfBroken();
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.FromSequence(1, 1_000).Rebalance().Map(halfBroken).Name("half-broken").SinkTo(new CollectSink<long>());

        var job = await env.StartAsync("failing-while-draining");
        try
        {
            // The blocked subtask cannot confirm its cancellation: the job is FAILED while it drains.
            var progress = await Eventually.ReturnsAsync(() => job.GetProgressAsync(), p => p.Status == JobStatus.Failed, TimeSpan.FromSeconds(30));
            Assert.Contains("boom", progress.Failure);
        }
        finally
        {
            halfBroken.Release.Set();
        }
        await Assert.ThrowsAsync<JobExecutionException>(() => job.Completion);
    }

    /// <summary>Subtask 1 throws at its first record; subtask 2 blocks at its first record until released.</summary>
    private sealed class HalfBroken : RichMapFunction<long, long>
    {
        public ManualResetEventSlim Release { get; } = new();

        public override long Map(long value)
        {
            if (RuntimeContext.IndexOfThisSubtask == 0)
                throw new InvalidOperationException("boom");
            Release.Wait(TimeSpan.FromSeconds(30));
            return value;
        }
    }
}

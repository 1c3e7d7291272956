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
}

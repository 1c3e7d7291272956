using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class EndToEndJobSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Keyed_sum_in_batch_mode_should_emit_one_final_value_per_key(int parallelism)
    {
        var env = fixture.CreateEnvironment(parallelism);
        var sink = new CollectSink<(long Key, long Value)>();
        env.FromSequence(1, 100_000)
            .Map(x => (Key: x % 10, Value: x))
            .KeyBy(t => t.Key)
            .Sum(t => t.Value)
            .SinkTo(sink);

        var result = await env.ExecuteAsync("sum");

        var expected = Enumerable.Range(1, 100_000).GroupBy(x => (long)x % 10)
            .Select(g => (g.Key, g.Sum(x => (long)x))).OrderBy(t => t.Key).ToList();
        Assert.Equal(expected, sink.Values.OrderBy(t => t.Key).ToList());
        Assert.False(string.IsNullOrEmpty(result.JobId));
    }
}

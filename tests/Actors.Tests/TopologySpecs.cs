using ActorStream.Actors.Tests.Support;
using ActorStream.Graph;

namespace ActorStream.Actors.Tests;

public sealed class TopologySpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Streaming_mode_should_emit_every_keyed_update_in_order_per_key()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        var sink = new CollectSink<(string Key, int Value)>();
        env.FromCollection(["a", "b", "a", "c", "a", "b"]).KeyBy(w => w).Sum(_ => 1).SinkTo(sink);

        await env.ExecuteAsync("streaming");

        Assert.Equal([("a", 1), ("a", 2), ("a", 3)], sink.Values.Where(v => v.Key == "a"));
        Assert.Equal([("b", 1), ("b", 2)], sink.Values.Where(v => v.Key == "b"));
        Assert.Equal([("c", 1)], sink.Values.Where(v => v.Key == "c"));
    }

    [Fact]
    public async Task Side_outputs_should_reach_operators_with_another_parallelism()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var odd = new OutputTag<long>("odd");
        var evens = new CollectSink<long>();
        var odds = new CollectSink<long>();
        var split = env.FromSequence(1, 10_000).Process(new SplitOdd(odd));
        split.SinkTo(evens);
        split.GetSideOutput(odd).Map(x => -x).SetParallelism(3).SinkTo(odds).SetParallelism(3);

        await env.ExecuteAsync("side-outputs");

        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => 2L * i), evens.Values.Order());
        Assert.Equal(Enumerable.Range(1, 5_000).Select(i => -(2L * i - 1)).Order(), odds.Values.Order());
        Assert.Equal(3, odds.WithSubtasks.Select(v => v.Subtask).Distinct().Count());
    }

    [Fact]
    public async Task Union_should_merge_streams_and_broadcast_should_reach_every_subtask()
    {
        var env = fixture.CreateEnvironment(parallelism: 2);
        var merged = new CollectSink<long>();
        var broadcast = new CollectSink<long>();
        var a = env.FromSequence(1, 1_000);
        var b = env.FromSequence(1_001, 2_000).Map(x => x);
        a.Union(b).SinkTo(merged);
        env.FromCollection([7L, 8L]).Broadcast().Map(x => x).SetParallelism(3).SinkTo(broadcast).SetParallelism(3);

        await env.ExecuteAsync("union-broadcast");

        Assert.Equal(Enumerable.Range(1, 2_000).Select(i => (long)i), merged.Values.Order());
        var perSubtask = broadcast.WithSubtasks.GroupBy(v => v.Subtask).ToDictionary(g => g.Key, g => g.Select(v => v.Value).Order().ToList());
        Assert.Equal(3, perSubtask.Count);
        Assert.All(perSubtask.Values, values => Assert.Equal([7L, 8L], values));
    }

    [Fact]
    public async Task KeyBy_should_send_every_key_to_the_subtask_owning_its_key_group()
    {
        var env = fixture.CreateEnvironment(parallelism: 4);
        var sink = new CollectSink<(string Key, long Value)>();
        env.FromSequence(1, 20_000).Map(x => $"key-{x % 97}").KeyBy(k => k).Sum(_ => 1L).SinkTo(sink);

        await env.ExecuteAsync("keygroups");

        Assert.Equal(97, sink.WithSubtasks.Count);
        Assert.All(sink.WithSubtasks, v => Assert.Equal(
            Graph.Keys.KeyGroupRangeAssignment.AssignKeyToParallelOperator(v.Value.Key, 128, 4), v.Subtask));
        Assert.Equal(20_000, sink.Values.Sum(v => v.Value));
    }

    private sealed class SplitOdd(OutputTag<long> odd) : ProcessFunction<long, long>
    {
        public override void ProcessElement(long value, Context context, ICollector<long> output)
        {
            if (value % 2 == 0)
                output.Collect(value);
            else
                context.Output(odd, value);
        }
    }
}

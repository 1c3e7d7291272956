using System.Text.Json;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>Shuffle, Rescale, Global, Forward and PartitionCustom: their selectors and how they appear in the plan.</summary>
public sealed class StreamShapingTests
{
    private static int[] Channels<T>(IChannelSelector<T> selector, params T[] values) =>
        [.. values.Select(v => selector.SelectChannel(new StreamRecord<T>(v, StreamRecord<T>.NoTimestamp)))];

    [Fact]
    public void Rescale_should_go_round_robin_over_the_senders_group_from_its_first_channel()
    {
        var selector = RescalePartitioner.Instance.CreateSelector<string>(numberOfChannels: 3, senderIndex: 4, targetMaxParallelism: 128);

        Assert.Equal([0, 1, 2, 0, 1], Channels(selector, "a", "b", "c", "d", "e"));
        Assert.True(RescalePartitioner.Instance.IsPointwise);
        Assert.False(RescalePartitioner.Instance.IsBroadcast);
    }

    [Fact]
    public void Shuffle_should_draw_the_same_channels_for_the_same_sender_and_spread_over_all_channels()
    {
        var first = Channels(ShufflePartitioner.Instance.CreateSelector<int>(4, senderIndex: 1, 128), [.. Enumerable.Range(0, 4_000)]);
        var again = Channels(ShufflePartitioner.Instance.CreateSelector<int>(4, senderIndex: 1, 128), [.. Enumerable.Range(0, 4_000)]);
        var other = Channels(ShufflePartitioner.Instance.CreateSelector<int>(4, senderIndex: 2, 128), [.. Enumerable.Range(0, 4_000)]);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal([0, 1, 2, 3], first.Distinct().Order());
        Assert.All(first.CountBy(c => c), c => Assert.InRange(c.Value, 800, 1_200)); // 1,000 expected; a fixed seed makes this deterministic
        Assert.False(ShufflePartitioner.Instance.IsPointwise);
    }

    [Fact]
    public void Global_should_always_pick_channel_zero_of_all_targets()
    {
        var selector = GlobalPartitioner.Instance.CreateSelector<int>(numberOfChannels: 5, senderIndex: 3, targetMaxParallelism: 128);

        Assert.Equal([0, 0, 0], Channels(selector, 7, 8, 9));
        Assert.False(GlobalPartitioner.Instance.IsPointwise);
    }

    private sealed class ByLastDigit : IPartitioner<int>
    {
        public int Partition(int key, int numPartitions) => key % 10 % numPartitions;
    }

    [Fact]
    public void PartitionCustom_should_route_by_the_partitioner_of_the_key()
    {
        var partitioner = new CustomPartitionerWrapper<string, int>(new ByLastDigit(), int.Parse);
        var selector = partitioner.CreateSelector<string>(numberOfChannels: 4, senderIndex: 0, targetMaxParallelism: 128);

        Assert.Equal([1, 3, 1, 0, 2], Channels(selector, "11", "23", "5", "40", "96"));
        Assert.Equal("CUSTOM", partitioner.Name);
    }

    [Fact]
    public void PartitionCustom_should_fail_on_a_partition_out_of_range_naming_the_target_operator_and_the_value()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).PartitionCustom((long key, int partitions) => partitions + 5, x => x).Map(x => x).Name("router").SetParallelism(3);
        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);
        var selector = edge.Partitioner.CreateSelector<long>(edge, edge.ChannelsOf(0), 0);

        var error = Assert.Throws<InvalidOperationException>(() => Channels(selector, 42L));

        Assert.Equal("PartitionCustom's partitioner returned partition 8 for key '42', but 'router' has 3 subtasks; return a value in 0..2.", error.Message);
    }

    [Fact]
    public void PartitionCustom_should_reject_a_negative_partition()
    {
        var selector = new CustomPartitionerWrapper<int, int>(new NegativePartitioner(), x => x).CreateSelector<int>(2, 0, 128);

        var error = Assert.Throws<InvalidOperationException>(() => Channels(selector, 1));

        Assert.Equal("PartitionCustom's partitioner returned partition -1 for key '1', but the next operator has 2 subtasks; return a value in 0..1.", error.Message);
    }

    private sealed class NegativePartitioner : IPartitioner<int>
    {
        public int Partition(int key, int numPartitions) => -1;
    }

    [Fact]
    public void Rescale_between_equal_parallelisms_should_not_chain_and_should_connect_one_to_one()
    {
        var env = Env(parallelism: 3);
        env.FromSequence(1, 10).Rescale().Map(x => x);

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source", "Map"], graph.VertexNames());
        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Same(RescalePartitioner.Instance, edge.Partitioner);
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(edge.ChannelsOf));
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(s => edge.TargetSubtask(s, 0)));
    }

    [Fact]
    public void Rescale_between_unequal_parallelisms_should_be_allowed()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Rescale().Map(x => x).SetParallelism(4);

        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);

        Assert.Equal([2, 2], Enumerable.Range(0, 2).Select(edge.ChannelsOf));
        Assert.Equal([2, 3], Enumerable.Range(0, 2).Select(c => edge.TargetSubtask(1, c)));
        Assert.Equal([[0], [0], [1], [1]], Enumerable.Range(0, 4).Select(t => edge.SendersOf(t).ToArray()));
    }

    [Fact]
    public void Forward_between_unequal_parallelisms_should_fail_naming_both_operators_and_the_alternatives()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Map(x => x).Name("parse").Forward().Filter(x => x > 0).Name("positive").SetParallelism(3);

        var error = Assert.Throws<InvalidOperationException>(() => env.GetJobGraph());

        Assert.Equal("Forward() needs equal parallelism on both sides, but 'parse' has 2 and 'positive' has 3; " +
            "use Rebalance() to spread over all subtasks or Rescale() to connect groups of subtasks.", error.Message);
    }

    [Fact]
    public void The_execution_plan_should_name_the_new_ship_strategies()
    {
        var env = Env(parallelism: 2);
        var numbers = env.FromSequence(1, 10);
        numbers.Shuffle().Map(x => x).Name("shuffled");
        numbers.Rescale().Map(x => x).Name("rescaled").SetParallelism(4);
        numbers.Global().Map(x => x).Name("global");
        numbers.PartitionCustom((long k, int n) => (int)(k % n), x => x).Map(x => x).Name("custom");
        numbers.Forward().Map(x => x).Name("forwarded");

        var plan = JsonDocument.Parse(env.GetExecutionPlan()).RootElement;

        string Strategy(string name) => Assert.Single(
            Assert.Single(plan.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("contents").GetString() == name)
                .GetProperty("predecessors").EnumerateArray()).GetProperty("ship_strategy").GetString()!;
        Assert.Equal(["SHUFFLE", "RESCALE", "GLOBAL", "CUSTOM", "FORWARD"],
            new[] { "shuffled", "rescaled", "global", "custom", "forwarded" }.Select(Strategy));
    }
}

using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>How each partitioner picks channels, and how job edges map channels to subtasks.</summary>
public sealed class PartitionerTests
{
    private static int[] Channels<T>(IChannelSelector<T> selector, params T[] values) =>
        [.. values.Select(v => selector.SelectChannel(new StreamRecord<T>(v, StreamRecord<T>.NoTimestamp)))];

    [Fact]
    public void Rebalance_should_go_round_robin_starting_at_the_sender_index()
    {
        var selector = RebalancePartitioner.Instance.CreateSelector<string>(numberOfChannels: 3, senderIndex: 4, targetMaxParallelism: 128);

        Assert.Equal([1, 2, 0, 1, 2], Channels(selector, "a", "b", "c", "d", "e"));
        Assert.False(RebalancePartitioner.Instance.IsPointwise);
    }

    [Fact]
    public void Forward_should_always_use_the_single_channel()
    {
        var selector = ForwardPartitioner.Instance.CreateSelector<int>(1, senderIndex: 3, targetMaxParallelism: 128);

        Assert.Equal([0, 0], Channels(selector, 1, 2));
        Assert.True(ForwardPartitioner.Instance.IsPointwise);
    }

    [Fact]
    public void Broadcast_should_have_no_selector()
    {
        Assert.True(BroadcastPartitioner.Instance.IsBroadcast);
        Assert.Throws<InvalidOperationException>(() => BroadcastPartitioner.Instance.CreateSelector<int>(2, 0, 128));
    }

    [Fact]
    public void Hash_should_send_each_key_to_the_subtask_owning_its_key_group_as_in_Flink()
    {
        // Integer keys 0, 1, 2, 42 over 5 subtasks and 128 key groups land on 3, 3, 4, 1 in Flink (see KeyGroupRangeAssignmentTests).
        var partitioner = new KeyGroupStreamPartitioner<(int Id, string Name), int>(e => e.Id);
        var selector = partitioner.CreateSelector<(int Id, string Name)>(numberOfChannels: 5, senderIndex: 0, targetMaxParallelism: 128);

        Assert.Equal([3, 3, 4, 1], Channels(selector, (0, "a"), (1, "b"), (2, "c"), (42, "d")));
        Assert.Equal("HASH", partitioner.ToString());
    }

    [Fact]
    public void Hash_should_reject_a_null_key()
    {
        var selector = new KeyGroupStreamPartitioner<string, string>(_ => null!).CreateSelector<string>(2, 0, 128);

        var error = Assert.Throws<InvalidOperationException>(() => Channels(selector, "x"));

        Assert.Equal("A key selector returned null; keys must not be null.", error.Message);
    }

    [Fact]
    public void A_pointwise_job_edge_should_connect_subtask_i_to_subtask_i()
    {
        var env = Env(parallelism: 3);
        env.FromSequence(1, 10).Map(x => x).StartNewChain();
        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);

        Assert.Equal(1, edge.ChannelsOf(0));
        Assert.Equal(2, edge.TargetSubtask(senderIndex: 2, channel: 0));
        Assert.Equal([1], edge.SendersOf(1));
    }

    [Fact]
    public void An_all_to_all_job_edge_should_connect_every_sender_to_every_target()
    {
        var env = Env(parallelism: 3);
        env.FromSequence(1, 10).KeyBy(x => x).Reduce((a, b) => a + b).SetParallelism(2);
        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);

        Assert.Equal(2, edge.ChannelsOf(0));
        Assert.Equal(1, edge.TargetSubtask(senderIndex: 2, channel: 1));
        Assert.Equal([0, 1, 2], edge.SendersOf(0));
    }
}

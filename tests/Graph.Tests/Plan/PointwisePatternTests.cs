using ActorStream.Graph.Plan;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>The channel math of pointwise (rescale) and all-to-all job edges, checked for many pairs of parallelisms.</summary>
public sealed class PointwisePatternTests
{
    public static TheoryData<int, int> Parallelisms()
    {
        var data = new TheoryData<int, int>();
        for (var senders = 1; senders <= 13; senders++)
        {
            for (var targets = 1; targets <= 13; targets++)
                data.Add(senders, targets);
        }
        data.Add(128, 3);
        data.Add(3, 128);
        data.Add(100, 99);
        data.Add(99, 100);
        return data;
    }

    [Fact]
    public void Two_senders_and_four_targets_should_give_each_sender_two_contiguous_targets_as_in_Flink()
    {
        Assert.Equal((0, 2), PointwisePattern.TargetsOf(0, senders: 2, targets: 4));
        Assert.Equal((2, 2), PointwisePattern.TargetsOf(1, senders: 2, targets: 4));
        Assert.Equal([(0, 1), (0, 1), (1, 1), (1, 1)], Enumerable.Range(0, 4).Select(t => PointwisePattern.SendersOf(t, 2, 4)));
    }

    [Fact]
    public void Four_senders_and_two_targets_should_give_each_target_two_contiguous_senders_as_in_Flink()
    {
        Assert.Equal((0, 2), PointwisePattern.SendersOf(0, senders: 4, targets: 2));
        Assert.Equal((2, 2), PointwisePattern.SendersOf(1, senders: 4, targets: 2));
        Assert.Equal([(0, 1), (0, 1), (1, 1), (1, 1)], Enumerable.Range(0, 4).Select(s => PointwisePattern.TargetsOf(s, 4, 2)));
    }

    [Fact]
    public void Uneven_groups_should_follow_Flinks_connectPointwise()
    {
        // Flink: sources >= targets: target i reads [i*S/T, (i+1)*S/T); else source i feeds [ceil(i*T/S), ceil((i+1)*T/S)).
        Assert.Equal([(0, 1), (1, 2), (3, 2)], Enumerable.Range(0, 3).Select(t => PointwisePattern.SendersOf(t, 5, 3)));
        Assert.Equal([(0, 2), (2, 2), (4, 1)], Enumerable.Range(0, 3).Select(s => PointwisePattern.TargetsOf(s, 3, 5)));
        Assert.Equal([(0, 2), (2, 2), (4, 1), (5, 2), (7, 1)], Enumerable.Range(0, 5).Select(s => PointwisePattern.TargetsOf(s, 5, 8)));
    }

    [Theory]
    [MemberData(nameof(Parallelisms))]
    public void A_rescale_edge_should_map_every_sender_channel_to_a_distinct_receiver_input_and_cover_each_input_once(int senders, int targets)
    {
        AssertChannelsMatch(RescaleEdge(senders, targets), senders, targets, pointwise: true);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(5, 3)]
    [InlineData(4, 4)]
    public void An_all_to_all_edge_should_map_every_sender_channel_to_a_distinct_receiver_input_and_cover_each_input_once(int senders, int targets)
    {
        var env = Env();
        env.FromSequence(1, 10).SetParallelism(senders).Shuffle().Map(x => x).SetParallelism(targets);
        AssertChannelsMatch(Assert.Single(env.GetJobGraph().Vertices[1].Inputs), senders, targets, pointwise: false);
    }

    [Fact]
    public void A_forward_edge_should_stay_one_to_one()
    {
        var env = Env(parallelism: 4);
        env.FromSequence(1, 10).Forward().Map(x => x).StartNewChain();
        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);

        Assert.All(Enumerable.Range(0, 4), i =>
        {
            Assert.Equal(1, edge.ChannelsOf(i));
            Assert.Equal(i, edge.TargetSubtask(i, 0));
            Assert.Equal([i], edge.SendersOf(i));
        });
    }

    private static JobEdge RescaleEdge(int senders, int targets)
    {
        var env = Env();
        env.MaxParallelism = 256;
        env.FromSequence(1, 10).SetParallelism(senders).Rescale().Map(x => x).SetParallelism(targets);
        return Assert.Single(env.GetJobGraph().Vertices[1].Inputs);
    }

    private static void AssertChannelsMatch(JobEdge edge, int senders, int targets, bool pointwise)
    {
        var reached = new HashSet<(int Target, int Position)>();
        for (var sender = 0; sender < senders; sender++)
        {
            var channels = edge.ChannelsOf(sender);
            Assert.InRange(channels, 1, targets);
            if (pointwise)
                Assert.True(channels == 1 || senders < targets, "Only a sender with more targets than senders writes to more than one target.");
            for (var channel = 0; channel < channels; channel++)
            {
                var target = edge.TargetSubtask(sender, channel);
                Assert.InRange(target, 0, targets - 1);
                Assert.Contains(sender, edge.SendersOf(target));
                Assert.Equal(channel, edge.SenderChannel(sender, target));
                Assert.True(reached.Add((target, edge.SenderPosition(sender, target))), $"Sender {sender} channel {channel} reuses an input of target {target}.");
            }
        }
        var expected = Enumerable.Range(0, targets).SelectMany(t => edge.SendersOf(t).Select((_, position) => (t, position))).ToHashSet();
        Assert.Equal(expected.Count, reached.Count);
        Assert.True(expected.SetEquals(reached));
        Assert.All(Enumerable.Range(0, targets), t => Assert.NotEmpty(edge.SendersOf(t)));
        Assert.Equal(pointwise ? Math.Max(senders, targets) : senders * targets, reached.Count);
    }
}

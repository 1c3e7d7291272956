using ActorStream.Actors.Exchange;
using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Tests;

/// <summary>Senders and receivers derive the same channel numbers, for pointwise (rescale) and all-to-all edges into one vertex.</summary>
public sealed class ChannelLayoutSpecs
{
    public static TheoryData<int, int, int> Parallelisms()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var a in new[] { 1, 2, 3, 4, 7 })
        {
            foreach (var b in new[] { 1, 2, 3, 5, 8 })
            {
                foreach (var target in new[] { 1, 2, 3, 4, 6 })
                    data.Add(a, b, target);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Parallelisms))]
    public void Every_sender_channel_should_land_on_the_receiver_input_that_names_it_and_every_input_should_be_reached_once(
        int rescaled, int rebalanced, int targets)
    {
        var env = StreamExecutionEnvironment.Create();
        env.Parallelism = 2;
        var a = env.FromSequence(1, 10, "a").SetParallelism(rescaled).Rescale();
        var b = env.FromSequence(1, 10, "b").SetParallelism(rebalanced).Rebalance();
        var c = env.FromSequence(1, 10, "c").SetParallelism(rescaled).Rescale();
        a.Union(b, c).Map(x => x).SetParallelism(targets);
        var graph = env.GetJobGraph();
        var target = graph.Vertices.Single(v => v.Head.Name == "Map");

        var reached = new HashSet<(int Subtask, int Channel)>();
        foreach (var edge in target.Inputs)
        {
            var outputEdge = edge.Source.Outputs.IndexOf(edge);
            for (var sender = 0; sender < edge.Source.Parallelism; sender++)
            {
                for (var channel = 0; channel < edge.ChannelsOf(sender); channel++)
                {
                    var subtask = edge.TargetSubtask(sender, channel);
                    var input = ChannelLayout.TargetChannel(edge, sender, channel);
                    var named = ChannelLayout.InputsOf(target, subtask)[input];
                    Assert.Equal((edge.Source, sender, outputEdge, channel), (named.Sender, named.SenderIndex, named.SenderOutputEdge, named.SenderChannel));
                    Assert.True(reached.Add((subtask, input)), $"Two senders write to input {input} of subtask {subtask}.");
                }
            }
        }
        var inputs = Enumerable.Range(0, targets).Sum(t => ChannelLayout.InputsOf(target, t).Count);
        Assert.Equal(inputs, reached.Count);
        Assert.Equal(2 * Math.Max(rescaled, targets) + rebalanced * targets, inputs);
    }
}

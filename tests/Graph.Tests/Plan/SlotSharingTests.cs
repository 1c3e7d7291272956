using System.Text.Json;
using ActorStream.Graph.Plan;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>Slot sharing groups: how operators get theirs, how they cut chains, and how a job's slots are laid out.</summary>
public sealed class SlotSharingTests
{
    private static StreamNode Node(StreamGraph graph, string name) => Assert.Single(graph.Nodes, n => n.Name == name);

    [Fact]
    public void Operators_without_a_group_should_be_in_the_default_group_and_need_as_many_slots_as_the_widest_vertex()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Rebalance().Map(x => x).SetParallelism(3).SinkTo(Sink<long>()).SetParallelism(3);

        var graph = env.GetJobGraph();

        Assert.All(graph.StreamGraph.Nodes, n => Assert.Equal("default", n.SlotSharingGroup));
        Assert.Equal([("default", 3)], graph.SlotSharing.Groups);
        Assert.Equal(3, graph.SlotSharing.SlotCount);
        Assert.Equal([0, 1], Enumerable.Range(0, 2).Select(i => graph.SlotSharing.SlotOf(graph.Vertices[0], i)));
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(i => graph.SlotSharing.SlotOf(graph.Vertices[1], i)));
    }

    [Fact]
    public void An_operator_without_a_group_should_inherit_its_inputs_group_or_default_when_they_differ()
    {
        var env = Env();
        var a = env.FromSequence(1, 10, "a").SlotSharingGroup("left").Map(x => x).Name("after a");
        var b = env.FromSequence(1, 10, "b").SlotSharingGroup("right");
        a.Union(b).Map(x => x).Name("merged").SinkTo(Sink<long>(), "sink");
        a.Map(x => x).Name("moved").SlotSharingGroup("other");

        var graph = env.GetStreamGraph();

        Assert.Equal(["left", "left", "right", "default", "default", "other"],
            new[] { "a", "after a", "b", "merged", "sink", "moved" }.Select(n => Node(graph, n).SlotSharingGroup));
    }

    [Fact]
    public void Operators_of_different_groups_should_not_chain_and_each_group_should_get_its_own_slots()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Map(x => x).Name("parse")
            .Map(x => x).Name("score").SlotSharingGroup("heavy").SetParallelism(3)
            .SinkTo(Sink<long>(), "out").SetParallelism(3);

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source -> parse", "score -> Sink: out"], graph.VertexNames());
        Assert.Equal(["default", "heavy"], graph.Vertices.Select(v => v.SlotSharingGroup));
        Assert.Equal([("default", 2), ("heavy", 3)], graph.SlotSharing.Groups);
        Assert.Equal(5, graph.SlotSharing.SlotCount);
        Assert.Equal([2, 3, 4], Enumerable.Range(0, 3).Select(i => graph.SlotSharing.SlotOf(graph.Vertices[1], i)));
    }

    [Fact]
    public void Equal_parallelism_in_another_group_should_break_the_chain()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Map(x => x).Name("isolated").SlotSharingGroup("own");

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source", "isolated"], graph.VertexNames());
        Assert.Equal(4, graph.SlotSharing.SlotCount);
        Assert.Equal(2, graph.SlotSharing.SlotOf(graph.Vertices[1], 0));
    }

    [Fact]
    public void A_sink_should_take_a_group_of_its_own()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).SinkTo(Sink<long>(), "out").SlotSharingGroup("sinks");

        var graph = env.GetJobGraph();

        Assert.Equal(["default", "sinks"], graph.Vertices.Select(v => v.SlotSharingGroup));
        Assert.Equal(4, graph.SlotSharing.SlotCount);
    }

    [Fact]
    public void The_execution_plan_should_show_the_group_of_every_node_and_vertex()
    {
        var env = Env(parallelism: 2);
        env.FromSequence(1, 10).Map(x => x).Name("score").SlotSharingGroup("heavy").SinkTo(Sink<long>(), "out");

        var plan = JsonDocument.Parse(env.GetExecutionPlan()).RootElement;

        Assert.Equal([("Sequence Source", "default"), ("score", "heavy"), ("out", "heavy")], plan.GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("contents").GetString(), n.GetProperty("slot_sharing_group").GetString())));
        Assert.Equal(["default", "heavy"], plan.GetProperty("vertices").EnumerateArray().Select(v => v.GetProperty("slot_sharing_group").GetString()));
    }

    [Fact]
    public void An_empty_group_name_should_be_rejected()
    {
        var env = Env();

        var error = Assert.Throws<ArgumentException>(() => env.FromSequence(1, 10).SlotSharingGroup(" "));

        Assert.StartsWith("A slot sharing group needs a non-empty name; omit the call to inherit the inputs' group.", error.Message);
    }

    [Fact]
    public void A_group_on_a_partitioning_step_should_point_at_the_operator_before()
    {
        var env = Env();

        var error = Assert.Throws<InvalidOperationException>(() => env.FromSequence(1, 10).Rescale().SlotSharingGroup("x"));

        Assert.Equal("SlotSharingGroup applies to an operator, but this stream comes from a RESCALE step; call it on the operator before.", error.Message);
    }
}

using ActorStream.Graph.Plan;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

public sealed class ChainingTests
{
    [Fact]
    public void Forward_operators_of_equal_parallelism_should_chain_into_one_vertex()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x + 1).Filter(x => x > 0);

        var vertex = Assert.Single(env.GetJobGraph().Vertices);

        Assert.Equal(["Sequence Source", "Map", "Filter"], vertex.Chain.Select(n => n.Name));
        Assert.Equal("Source: Sequence Source -> Map -> Filter", vertex.Name);
        Assert.Equal(2, vertex.Parallelism);
        Assert.True(vertex.IsSource);
        Assert.Empty(vertex.Inputs);
        Assert.Empty(vertex.Outputs);
    }

    [Fact]
    public void A_sink_should_chain_to_its_forward_input_and_be_named_as_a_sink()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x * 2).SinkTo(Sink<long>(), "doubled");

        Assert.Equal(["Source: Sequence Source -> Map -> Sink: doubled"], env.GetJobGraph().VertexNames());
    }

    [Fact]
    public void KeyBy_should_start_a_new_vertex_behind_a_hash_edge()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).KeyBy(x => x % 3).Sum(x => x).SinkTo(Sink<(long, long)>());

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source -> Map", "Keyed Sum -> Sink: Sink"], graph.VertexNames());
        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Same(edge, Assert.Single(graph.Vertices[0].Outputs));
        Assert.Equal("HASH", edge.Partitioner.Name);
        Assert.IsType<KeyGroupStreamPartitioner<long, long>>(edge.Partitioner);
        Assert.Equal("Map", edge.StreamEdge.Source.Name);
    }

    [Fact]
    public void StartNewChain_should_start_a_vertex_that_later_operators_still_chain_to()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).Filter(x => true).StartNewChain().SinkTo(Sink<long>());

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source -> Map", "Filter -> Sink: Sink"], graph.VertexNames());
        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Equal("FORWARD", edge.Partitioner.Name);
        Assert.Equal(1, edge.ChannelsOf(0));
    }

    [Fact]
    public void DisableChaining_should_isolate_the_operator_in_both_directions()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).DisableChaining().Filter(x => true).SinkTo(Sink<long>());

        Assert.Equal(["Source: Sequence Source", "Map", "Filter -> Sink: Sink"], env.GetJobGraph().VertexNames());
    }

    [Fact]
    public void DisableChaining_on_a_sink_should_give_the_sink_its_own_vertex()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).SinkTo(Sink<long>()).DisableChaining();

        Assert.Equal(["Source: Sequence Source -> Map", "Sink: Sink"], env.GetJobGraph().VertexNames());
    }

    [Fact]
    public void A_fan_out_of_forward_edges_should_chain_every_branch_into_the_source_vertex()
    {
        var env = Env();
        var numbers = env.FromSequence(1, 10);
        numbers.Map(x => x + 1).SinkTo(Sink<long>(), "plus");
        numbers.Map(x => x - 1).SinkTo(Sink<long>(), "minus");

        var vertex = Assert.Single(env.GetJobGraph().Vertices);

        Assert.Equal(["Sequence Source", "Map", "plus", "Map", "minus"], vertex.Chain.Select(n => n.Name));
    }

    [Fact]
    public void An_operator_with_two_inputs_should_head_its_own_vertex()
    {
        var env = Env();
        env.FromSequence(1, 5).Union(env.FromSequence(6, 10)).Map(x => x).SinkTo(Sink<long>());

        var graph = env.GetJobGraph();

        Assert.Equal(["Source: Sequence Source", "Source: Sequence Source", "Map -> Sink: Sink"], graph.VertexNames());
        Assert.Equal(2, graph.Vertices[2].Inputs.Count);
        Assert.All(graph.Vertices[2].Inputs, e => Assert.Equal("FORWARD", e.Partitioner.Name));
    }

    [Fact]
    public void Vertex_lookup_and_subtask_count_should_reflect_the_vertices()
    {
        var env = Env();
        env.FromCollection([1]).Map(x => x).SetParallelism(3);

        var graph = env.GetJobGraph();

        Assert.Equal(1 + 3, graph.SubtaskCount);
        Assert.Same(graph.Vertices[1], graph.Vertex(graph.Vertices[1].Id));
        Assert.Throws<KeyNotFoundException>(() => graph.Vertex("nope"));
    }
}

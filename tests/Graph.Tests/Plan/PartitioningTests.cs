using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sources;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

/// <summary>Which partitioner each edge of the stream graph gets.</summary>
public sealed class PartitioningTests
{
    private static StreamNode Node(StreamGraph graph, string name) => Assert.Single(graph.Nodes, n => n.Name == name);

    [Fact]
    public void Edges_between_unequal_parallelisms_should_rebalance()
    {
        var env = Env(parallelism: 2);
        env.FromCollection([1, 2]).Map(x => x).SinkTo(Sink<int>()).SetParallelism(1);

        var graph = env.GetStreamGraph();

        Assert.Equal("REBALANCE", Assert.Single(Node(graph, "Map").InEdges).Partitioner.Name);
        Assert.Equal("REBALANCE", Assert.Single(Node(graph, "Sink").InEdges).Partitioner.Name);
        Assert.Equal(["Source: Collection Source", "Map", "Sink: Sink"], env.GetJobGraph().VertexNames());
    }

    [Fact]
    public void Explicit_rebalance_between_equal_parallelisms_should_not_chain()
    {
        var env = Env();
        env.FromSequence(1, 10).Rebalance().Map(x => x);

        var graph = env.GetJobGraph();

        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Same(RebalancePartitioner.Instance, edge.Partitioner);
        Assert.Equal(2, edge.ChannelsOf(0));
    }

    [Fact]
    public void Broadcast_should_send_to_every_target_subtask()
    {
        var env = Env();
        env.FromSequence(1, 10).Broadcast().Map(x => x).SetParallelism(3);

        var edge = Assert.Single(env.GetJobGraph().Vertices[1].Inputs);

        Assert.Equal("BROADCAST", edge.Partitioner.Name);
        Assert.True(edge.Partitioner.IsBroadcast);
        Assert.Equal(3, edge.ChannelsOf(0));
    }

    [Fact]
    public void Union_should_give_the_reader_one_input_edge_per_unioned_stream_with_each_partitioner()
    {
        var env = Env();
        var a = env.FromSequence(1, 5, "a");
        var b = env.FromSequence(6, 10, "b");
        var c = env.FromSequence(11, 15, "c");
        a.Union(b.Rebalance(), c).Map(x => x);

        var map = Node(env.GetStreamGraph(), "Map");

        Assert.Equal([("a", "FORWARD"), ("b", "REBALANCE"), ("c", "FORWARD")], map.InEdges.Select(e => (e.Source.Name, e.Partitioner.Name)));
    }

    private sealed class Splitter : ProcessFunction<long, long>
    {
        public static readonly OutputTag<string> Odd = new("odd");

        public override void ProcessElement(long value, Context context, ICollector<long> output) => output.Collect(value);
    }

    [Fact]
    public void A_side_output_edge_should_carry_its_tag()
    {
        var env = Env();
        var split = env.FromSequence(1, 10).Process(new Splitter());
        split.SinkTo(Sink<long>(), "main");
        split.GetSideOutput(Splitter.Odd).SinkTo(Sink<string>(), "odd").SetParallelism(1);

        var graph = env.GetJobGraph();

        var sideEdge = Assert.Single(Node(graph.StreamGraph, "odd").InEdges);
        Assert.Equal(Splitter.Odd, sideEdge.SideOutput);
        Assert.Equal("REBALANCE", sideEdge.Partitioner.Name);
        Assert.Equal(typeof(string), sideEdge.Type.ClrType);
        Assert.Null(Assert.Single(Node(graph.StreamGraph, "main").InEdges).SideOutput);
        Assert.Equal(["Source: Sequence Source -> Process -> Sink: main", "Sink: odd"], graph.VertexNames());
        Assert.Equal(Splitter.Odd, Assert.Single(graph.Vertices[1].Inputs).StreamEdge.SideOutput);
    }

    [Fact]
    public void A_side_output_of_equal_parallelism_should_chain()
    {
        var env = Env();
        env.FromSequence(1, 10).Process(new Splitter()).GetSideOutput(Splitter.Odd).SinkTo(Sink<string>(), "odd");

        var vertex = Assert.Single(env.GetJobGraph().Vertices);

        Assert.Equal(["Sequence Source", "Process", "odd"], vertex.Chain.Select(n => n.Name));
    }

    private static OneInputTransformation Identity(int id, Transformation input, int parallelism) =>
        new(id, "Identity", input, StreamType<long>.Instance, StreamType<long>.Instance,
            () => new MapOperator<long, long>(new IdentityMap())) { Parallelism = parallelism };

    private sealed class IdentityMap : IMapFunction<long, long>
    {
        public long Map(long value) => value;
    }

    [Fact]
    public void A_forward_edge_between_unequal_parallelisms_should_be_rejected()
    {
        var source = new SourceTransformation<long>(1, "numbers", new NumberSequenceSource(1, 10), WatermarkStrategy<long>.NoWatermarks())
        {
            Parallelism = 2,
        };
        var map = Identity(3, new PartitionTransformation(2, source, ForwardPartitioner.Instance), parallelism: 3);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new StreamGraphGenerator(new PlanSettings { Parallelism = 2 }).Generate("job", [source, map]));

        Assert.Equal("Forward() needs equal parallelism on both sides, but 'numbers' has 2 and 'Identity' has 3; " +
            "use Rebalance() to spread over all subtasks or Rescale() to connect groups of subtasks.", error.Message);
    }

    [Fact]
    public void An_explicit_forward_edge_between_equal_parallelisms_should_chain()
    {
        var source = new SourceTransformation<long>(1, "numbers", new NumberSequenceSource(1, 10), WatermarkStrategy<long>.NoWatermarks());
        var map = Identity(3, new PartitionTransformation(2, source, ForwardPartitioner.Instance), parallelism: 2);

        var graph = JobGraphBuilder.Build(new StreamGraphGenerator(new PlanSettings { Parallelism = 2 }).Generate("job", [source, map]));

        Assert.Equal(["numbers", "Identity"], Assert.Single(graph.Vertices).Chain.Select(n => n.Name));
    }
}

using System.Text.RegularExpressions;
using ActorStream.Graph.Plan;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

public sealed partial class UidTests
{
    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex HexId();

    private static StreamExecutionEnvironment WordCount()
    {
        var env = Env();
        env.FromCollection(["a b", "b"]).FlatMap(line => line.Split(' ')).Map(w => (w, 1))
            .KeyBy(p => p.w).Sum(p => p.Item2).SinkTo(Sink<(string, int)>());
        return env;
    }

    private static string[] NodeUids(JobGraph graph) => [.. graph.StreamGraph.Nodes.Select(n => n.Uid)];

    private static string[] VertexIds(JobGraph graph) => [.. graph.Vertices.Select(v => v.Id)];

    [Fact]
    public void Building_the_same_program_twice_should_give_identical_uids_and_vertex_ids()
    {
        var first = WordCount().GetJobGraph();
        var second = WordCount().GetJobGraph();

        Assert.Equal(NodeUids(first), NodeUids(second));
        Assert.Equal(VertexIds(first), VertexIds(second));
        Assert.All(NodeUids(first).Concat(VertexIds(first)), id => Assert.Matches(HexId(), id));
        Assert.Equal(NodeUids(first).Length, NodeUids(first).Distinct().Count());
    }

    [Fact]
    public void Planning_one_environment_twice_should_give_identical_ids()
    {
        var env = WordCount();

        Assert.Equal(VertexIds(env.GetJobGraph()), VertexIds(env.GetJobGraph()));
    }

    [Fact]
    public void A_user_uid_should_be_used_verbatim_and_change_the_vertex_id()
    {
        var plain = WordCount().GetJobGraph();
        var env = Env();
        env.FromCollection(["a b", "b"]).Uid("lines").FlatMap(line => line.Split(' ')).Map(w => (w, 1))
            .KeyBy(p => p.w).Sum(p => p.Item2).Uid("counts").SinkTo(Sink<(string, int)>()).Uid("out");

        var graph = env.GetJobGraph();

        Assert.Equal("lines", graph.StreamGraph.Nodes[0].Uid);
        Assert.Equal(["counts", "out"], graph.StreamGraph.Nodes.TakeLast(2).Select(n => n.Uid));
        Assert.NotEqual(VertexIds(plain)[0], VertexIds(graph)[0]);
    }

    [Fact]
    public void A_uid_used_twice_should_be_rejected()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).Uid("same").Filter(x => true).Uid("same");

        var error = Assert.Throws<InvalidOperationException>(() => env.GetStreamGraph());

        Assert.Equal("The uid 'same' is used by more than one operator; uids must be unique.", error.Message);
    }

    [Fact]
    public void Identical_sibling_operators_should_get_distinct_generated_uids()
    {
        var env = Env();
        var numbers = env.FromSequence(1, 10);
        numbers.Map(x => x);
        numbers.Map(x => x);

        var uids = NodeUids(env.GetJobGraph());

        Assert.Equal(3, uids.Distinct().Count());
    }

    [Fact]
    public void Adding_operators_downstream_should_not_change_the_uids_upstream()
    {
        var shorter = Env();
        shorter.FromSequence(1, 10).Map(x => x).Filter(x => x > 2);
        var longer = Env();
        longer.FromSequence(1, 10).Map(x => x).Filter(x => x > 2).KeyBy(x => x).Reduce((a, b) => a + b).SinkTo(Sink<long>());

        var before = NodeUids(shorter.GetJobGraph());
        var after = NodeUids(longer.GetJobGraph());

        Assert.Equal(5, after.Length);
        Assert.Equal(before, after.Take(3));
    }

    [Fact]
    public void Uid_on_a_stream_that_is_not_an_operator_should_say_where_to_call_it()
    {
        var env = Env();
        var keyed = env.FromSequence(1, 10).KeyBy(x => x);

        var error = Assert.Throws<InvalidOperationException>(() => keyed.Uid("k"));

        Assert.Equal("Uid applies to an operator, but this stream comes from a HASH step; call it on the operator before.", error.Message);
    }
}

using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

public sealed class ParallelismTests
{
    [Fact]
    public void Operators_should_default_to_the_environment_parallelism_and_max_parallelism()
    {
        var env = Env(parallelism: 3);
        env.MaxParallelism = 64;
        env.FromSequence(1, 10).Map(x => x);

        var nodes = env.GetStreamGraph().Nodes;

        Assert.All(nodes, n => Assert.Equal((3, 64), (n.Parallelism, n.MaxParallelism)));
    }

    [Fact]
    public void FromCollection_should_run_with_parallelism_one()
    {
        var env = Env(parallelism: 4);
        env.FromCollection([1, 2, 3]).Map(x => x);

        var nodes = env.GetStreamGraph().Nodes;

        Assert.Equal([1, 4], nodes.Select(n => n.Parallelism));
    }

    [Fact]
    public void FromCollection_with_a_higher_parallelism_set_should_be_rejected()
    {
        var env = Env();
        env.FromCollection([1]).SetParallelism(2);

        var error = Assert.Throws<InvalidOperationException>(() => env.GetStreamGraph());

        Assert.Equal("Source 'Collection Source' supports parallelism 1 at most, but 2 was set.", error.Message);
    }

    [Fact]
    public void An_operator_parallelism_above_its_max_parallelism_should_be_rejected()
    {
        var env = Env();
        env.FromSequence(1, 10).Map(x => x).SetParallelism(200);

        var error = Assert.Throws<InvalidOperationException>(() => env.GetStreamGraph());

        Assert.Equal("Operator 'Map' has parallelism 200 above its max parallelism 128; raise the max parallelism.", error.Message);
    }

    [Fact]
    public void A_per_operator_max_parallelism_should_override_the_environment_and_cap_the_default_parallelism()
    {
        var env = Env(parallelism: 8);
        env.FromSequence(1, 10).Map(x => x).SetMaxParallelism(4);

        var map = env.GetStreamGraph().Nodes[1];

        Assert.Equal((4, 4), (map.Parallelism, map.MaxParallelism));
    }

    [Fact]
    public void A_default_parallelism_above_the_max_parallelism_should_be_capped()
    {
        var env = Env(parallelism: 300);
        env.FromSequence(1, 10);

        Assert.Equal(128, Assert.Single(env.GetStreamGraph().Nodes).Parallelism);
    }

    [Fact]
    public void Parallelism_below_one_should_be_rejected_where_it_is_set()
    {
        var env = Env();
        var numbers = env.FromSequence(1, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => numbers.SetParallelism(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => numbers.SinkTo(Sink<long>()).SetParallelism(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Parallelism = 0);
    }

    [Fact]
    public void A_max_parallelism_below_one_should_be_rejected()
    {
        var env = Env();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            env.FromSequence(1, 10).Map(x => x).SetMaxParallelism(0);
            env.GetStreamGraph();
        });
    }

    [Fact]
    public void An_invalid_environment_max_parallelism_should_be_rejected_when_planning()
    {
        var env = Env();
        env.MaxParallelism = 40_000;
        env.FromSequence(1, 10);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => env.GetStreamGraph());

        Assert.Equal("maxParallelism", error.ParamName);
    }

    [Fact]
    public void SetParallelism_on_a_keyed_stream_should_say_where_to_call_it()
    {
        var keyed = Env().FromSequence(1, 10).KeyBy(x => x % 2);

        var error = Assert.Throws<InvalidOperationException>(() => keyed.SetParallelism(2));

        Assert.Equal(
            "SetParallelism applies to an operator, but this stream comes from a HASH step; call it on the operator before.", error.Message);
    }

    [Fact]
    public void Sink_settings_should_apply_to_the_sink_node()
    {
        var env = Env();
        env.FromSequence(1, 10).SinkTo(Sink<long>()).SetParallelism(1).Name("audit").Uid("audit-sink");

        var sink = env.GetStreamGraph().Nodes[1];

        Assert.Equal((1, "audit", "audit-sink", true), (sink.Parallelism, sink.Name, sink.Uid, sink.IsSink));
    }

    [Fact]
    public void A_program_without_operators_should_be_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Env().GetStreamGraph());

        Assert.Equal("The job has no operators: add a source and a sink before executing.", error.Message);
    }
}

using System.Text.Json;
using static ActorStream.Graph.Tests.Plan.Programs;

namespace ActorStream.Graph.Tests.Plan;

public sealed class ExecutionPlanTests
{
    private static readonly OutputTag<long> Late = new("late");

    private sealed class Tagger : ProcessFunction<long, long>
    {
        public override void ProcessElement(long value, Context context, ICollector<long> output) => output.Collect(value);
    }

    private static JsonElement Plan()
    {
        var env = Env();
        env.RuntimeMode = RuntimeExecutionMode.Streaming;
        var tagged = env.FromSequence(1, 10).Process(new Tagger());
        tagged.KeyBy(x => x % 2).Sum(x => x).SinkTo(Sink<(long, long)>(), "sums");
        tagged.GetSideOutput(Late).SinkTo(Sink<long>(), "late").SetParallelism(1);
        return JsonDocument.Parse(env.GetExecutionPlan("plan test")).RootElement;
    }

    private static JsonElement NodeNamed(JsonElement plan, string contents) =>
        Assert.Single(plan.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("contents").GetString() == contents);

    [Fact]
    public void The_plan_should_name_the_job_and_its_runtime_mode()
    {
        var plan = Plan();

        Assert.Equal("plan test", plan.GetProperty("jobName").GetString());
        Assert.Equal("STREAMING", plan.GetProperty("runtimeMode").GetString());
    }

    [Fact]
    public void The_plan_should_list_every_node_with_its_kind_parallelism_and_type()
    {
        var nodes = Plan().GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("contents").GetString(), n.GetProperty("pact").GetString(), n.GetProperty("type").GetString(),
                n.GetProperty("parallelism").GetInt32(), n.GetProperty("max_parallelism").GetInt32(), n.GetProperty("output_type").GetString()));

        Assert.Equal(
            [
                ("Sequence Source", "Data Source", "SourceTransformation", 2, 128, "Int64"),
                ("Process", "Operator", "OneInputTransformation", 2, 128, "Int64"),
                ("Keyed Sum", "Operator", "OneInputTransformation", 2, 128, "ValueTuple<Int64, Int64>"),
                ("sums", "Data Sink", "OneInputTransformation", 2, 128, "ValueTuple<Int64, Int64>"),
                ("late", "Data Sink", "OneInputTransformation", 1, 128, "Int64"),
            ],
            nodes);
    }

    [Fact]
    public void Predecessors_should_name_their_ship_strategy_chaining_and_side_output()
    {
        var plan = Plan();
        var ids = plan.GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("contents").GetString()!, n => n.GetProperty("id").GetInt32());

        static string Describe(JsonElement p) =>
            $"{p.GetProperty("id").GetInt32()}:{p.GetProperty("ship_strategy").GetString()}:{p.GetProperty("chained").GetBoolean()}"
            + (p.TryGetProperty("side_output", out var side) ? $":{side.GetString()}" : "");
        string[] Predecessors(string name) => [.. NodeNamed(plan, name).GetProperty("predecessors").EnumerateArray().Select(Describe)];

        Assert.Empty(Predecessors("Sequence Source"));
        Assert.Equal([$"{ids["Sequence Source"]}:FORWARD:True"], Predecessors("Process"));
        Assert.Equal([$"{ids["Process"]}:HASH:False"], Predecessors("Keyed Sum"));
        Assert.Equal([$"{ids["Keyed Sum"]}:FORWARD:True"], Predecessors("sums"));
        Assert.Equal([$"{ids["Process"]}:REBALANCE:False:late"], Predecessors("late"));
    }

    [Fact]
    public void The_plan_should_list_the_vertices_with_their_chained_operator_ids()
    {
        var plan = Plan();
        var ids = plan.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ToArray();

        var vertices = plan.GetProperty("vertices").EnumerateArray()
            .Select(v => (v.GetProperty("name").GetString(), v.GetProperty("parallelism").GetInt32(),
                string.Join(",", v.GetProperty("operators").EnumerateArray().Select(o => o.GetInt32()))));

        Assert.Equal(
            [
                ("Source: Sequence Source -> Process", 2, $"{ids[0]},{ids[1]}"),
                ("Keyed Sum -> Sink: sums", 2, $"{ids[2]},{ids[3]}"),
                ("Sink: late", 1, $"{ids[4]}"),
            ],
            vertices);
    }

    [Fact]
    public void Node_uids_in_the_plan_should_be_those_of_the_stream_graph()
    {
        var env = Env();
        env.FromSequence(1, 10).Uid("numbers").Map(x => x);

        var plan = JsonDocument.Parse(env.GetExecutionPlan()).RootElement;

        Assert.Equal(env.GetStreamGraph().Nodes.Select(n => n.Uid),
            plan.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("uid").GetString()));
        Assert.Equal("numbers", plan.GetProperty("nodes")[0].GetProperty("uid").GetString());
    }
}

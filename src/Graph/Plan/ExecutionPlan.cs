using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorStream.Graph.Plan;

/// <summary>Renders a job graph as JSON, in the spirit of Flink's getExecutionPlan.</summary>
public static class ExecutionPlan
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The plan of <paramref name="graph"/> as indented JSON.</summary>
    public static string ToJson(JobGraph graph)
    {
        var nodes = new JsonArray();
        foreach (var node in graph.StreamGraph.Nodes)
        {
            var predecessors = new JsonArray();
            foreach (var edge in node.InEdges)
            {
                var pred = new JsonObject
                {
                    ["id"] = edge.Source.Id,
                    ["ship_strategy"] = edge.Partitioner.Name,
                    ["chained"] = JobGraphBuilder.IsChainable(edge),
                };
                if (edge.SideOutput is { } tag)
                    pred["side_output"] = tag.Id;
                predecessors.Add(pred);
            }
            nodes.Add(new JsonObject
            {
                ["id"] = node.Id,
                ["uid"] = node.Uid,
                ["type"] = node.Transformation.GetType().Name.Split('`')[0],
                ["pact"] = node.IsSource ? "Data Source" : node.IsSink ? "Data Sink" : "Operator",
                ["contents"] = node.Name,
                ["parallelism"] = node.Parallelism,
                ["max_parallelism"] = node.MaxParallelism,
                ["slot_sharing_group"] = node.SlotSharingGroup,
                ["output_type"] = node.OutputType.ToString(),
                ["predecessors"] = predecessors,
            });
        }
        var vertices = new JsonArray();
        foreach (var vertex in graph.Vertices)
        {
            vertices.Add(new JsonObject
            {
                ["id"] = vertex.Id,
                ["name"] = vertex.Name,
                ["parallelism"] = vertex.Parallelism,
                ["slot_sharing_group"] = vertex.SlotSharingGroup,
                ["operators"] = new JsonArray([.. vertex.Chain.Select(n => (JsonNode)n.Id)]),
            });
        }
        var plan = new JsonObject
        {
            ["jobName"] = graph.JobName,
            ["runtimeMode"] = graph.RuntimeMode.ToString().ToUpperInvariant(),
            ["nodes"] = nodes,
            ["vertices"] = vertices,
        };
        return plan.ToJsonString(Indented);
    }
}

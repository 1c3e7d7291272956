using System.Security.Cryptography;
using System.Text;

namespace ActorStream.Graph.Plan;

/// <summary>Chains operators into vertices: forward edges between operators of equal parallelism, unless chaining is disabled.</summary>
public static class JobGraphBuilder
{
    /// <summary>Builds the job graph of <paramref name="streamGraph"/>.</summary>
    public static JobGraph Build(StreamGraph streamGraph)
    {
        var vertexOf = new Dictionary<StreamNode, JobVertex>();
        var vertices = new List<JobVertex>();
        foreach (var node in streamGraph.Nodes)
        {
            if (!IsChainHead(node))
                continue;
            var chain = CollectChain(node);
            var vertex = new JobVertex(VertexId(chain), chain);
            vertices.Add(vertex);
            foreach (var member in chain)
                vertexOf[member] = vertex;
        }
        foreach (var node in streamGraph.Nodes)
        {
            foreach (var edge in node.OutEdges.Where(e => !IsChainable(e)))
            {
                var jobEdge = new JobEdge(vertexOf[edge.Source], vertexOf[edge.Target], edge);
                jobEdge.Source.Outputs.Add(jobEdge);
                jobEdge.Target.Inputs.Add(jobEdge);
            }
        }
        return new JobGraph(streamGraph, vertices);
    }

    /// <summary>Flink's rule: a single forward input between equal parallelisms in one slot sharing group, with chaining allowed on both sides.</summary>
    public static bool IsChainable(StreamEdge edge) =>
        edge.Target.InEdges.Count == 1
        && edge.Partitioner is ForwardPartitioner
        && edge.Source.Parallelism == edge.Target.Parallelism
        && edge.Source.SlotSharingGroup == edge.Target.SlotSharingGroup
        && edge.Source.Transformation.Chaining != ChainingStrategy.Never
        && edge.Target.Transformation.Chaining == ChainingStrategy.Always;

    private static bool IsChainHead(StreamNode node) => node.InEdges.Count == 0 || !node.InEdges.All(IsChainable);

    private static List<StreamNode> CollectChain(StreamNode head)
    {
        var chain = new List<StreamNode>();
        var pending = new Stack<StreamNode>([head]);
        while (pending.TryPop(out var node))
        {
            chain.Add(node);
            foreach (var edge in node.OutEdges.Where(IsChainable).Reverse())
                pending.Push(edge.Target);
        }
        return chain;
    }

    private static string VertexId(IEnumerable<StreamNode> chain) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", chain.Select(n => n.Uid)))))[..16];
}

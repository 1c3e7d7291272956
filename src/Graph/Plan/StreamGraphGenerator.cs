using System.Security.Cryptography;
using System.Text;

namespace ActorStream.Graph.Plan;

/// <summary>Translates the user's transformations into a <see cref="StreamGraph"/>.</summary>
public sealed class StreamGraphGenerator(PlanSettings settings)
{
    private readonly Dictionary<int, IReadOnlyList<Upstream>> _translated = [];
    private readonly List<StreamNode> _nodes = [];
    private readonly HashSet<string> _uids = new(StringComparer.Ordinal);

    /// <summary>A node's output as seen downstream: the node, plus the partitioner and side output on the way.</summary>
    private readonly record struct Upstream(StreamNode Node, StreamPartitioner? Partitioner, OutputTag? SideOutput);

    /// <summary>Builds the graph of <paramref name="transformations"/> (typically the sinks and everything they read).</summary>
    public StreamGraph Generate(string jobName, IEnumerable<Transformation> transformations)
    {
        settings.Validate();
        foreach (var t in transformations.OrderBy(t => t.Id))
            Translate(t);
        if (_nodes.Count == 0)
            throw new InvalidOperationException("The job has no operators: add a source and a sink before executing.");
        var mode = ResolveMode();
        return new StreamGraph(jobName, mode, settings, _nodes);
    }

    private RuntimeExecutionMode ResolveMode()
    {
        if (settings.RuntimeMode != RuntimeExecutionMode.Automatic)
        {
            if (settings.RuntimeMode == RuntimeExecutionMode.Batch &&
                _nodes.FirstOrDefault(n => n.Transformation is ISourceTransformation { Boundedness: Boundedness.ContinuousUnbounded }) is { } unbounded)
                throw new InvalidOperationException(
                    $"Runtime mode BATCH needs bounded sources, but source '{unbounded.Name}' is unbounded. Use STREAMING or AUTOMATIC.");
            return settings.RuntimeMode;
        }
        return _nodes.All(n => n.Transformation is not ISourceTransformation { Boundedness: Boundedness.ContinuousUnbounded })
            ? RuntimeExecutionMode.Batch
            : RuntimeExecutionMode.Streaming;
    }

    private IReadOnlyList<Upstream> Translate(Transformation t)
    {
        if (_translated.TryGetValue(t.Id, out var done))
            return done;
        IReadOnlyList<Upstream> result = t switch
        {
            PhysicalTransformation p => [new Upstream(AddNode(p, p.Inputs
                .SelectMany((input, index) => Translate(input).Select(upstream => (upstream, index))).ToList()), null, null)],
            PartitionTransformation p => Translate(p.Inputs[0]).Select(u => u with { Partitioner = p.Partitioner }).ToList(),
            UnionTransformation u => u.Inputs.SelectMany(Translate).ToList(),
            SideOutputTransformation s => Translate(s.Inputs[0]).Select(u => u with { SideOutput = s.Tag }).ToList(),
            _ => throw new NotSupportedException($"Unknown transformation {t.GetType().Name}."),
        };
        _translated[t.Id] = result;
        return result;
    }

    private StreamNode AddNode(PhysicalTransformation t, List<(Upstream Upstream, int Index)> indexedInputs)
    {
        var maxParallelism = t.MaxParallelism ?? settings.MaxParallelism;
        var parallelism = t.Parallelism ?? Math.Min(settings.Parallelism, maxParallelism);
        if (t is ISourceTransformation { SourceMaxParallelism: { } limit } && parallelism > limit)
        {
            if (t.Parallelism is not null)
                throw new InvalidOperationException($"Source '{t.Name}' supports parallelism {limit} at most, but {parallelism} was set.");
            parallelism = limit;
        }
        if (parallelism > maxParallelism)
            throw new InvalidOperationException(
                $"Operator '{t.Name}' has parallelism {parallelism} above its max parallelism {maxParallelism}; raise the max parallelism.");
        Keys.KeyGroupRangeAssignment.CheckParallelism(maxParallelism, parallelism);
        var inputs = indexedInputs.Select(i => i.Upstream).ToList();
        var node = new StreamNode(t, parallelism, maxParallelism, UidOf(t, inputs), SlotSharingGroupOf(t, inputs));
        foreach (var (input, index) in indexedInputs)
        {
            var partitioner = input.Partitioner ?? (input.Node.Parallelism == parallelism
                ? ForwardPartitioner.Instance
                : RebalancePartitioner.Instance);
            if (partitioner is ForwardPartitioner && input.Node.Parallelism != parallelism)
                throw new InvalidOperationException(
                    $"Forward() needs equal parallelism on both sides, but '{input.Node.Name}' has {input.Node.Parallelism} and " +
                    $"'{t.Name}' has {parallelism}; use Rebalance() to spread over all subtasks or Rescale() to connect groups of subtasks.");
            var edge = new StreamEdge(input.Node, node, partitioner, input.SideOutput, index);
            input.Node.OutEdges.Add(edge);
            node.InEdges.Add(edge);
        }
        _nodes.Add(node);
        return node;
    }

    /// <summary>Flink's rule: the group set on the operator, else its inputs' group when they all share one, else "default".</summary>
    private static string SlotSharingGroupOf(PhysicalTransformation t, List<Upstream> inputs)
    {
        if (t.SlotSharingGroup is { } group)
            return group;
        var groups = inputs.Select(i => i.Node.SlotSharingGroup).Distinct(StringComparer.Ordinal).ToList();
        return groups.Count == 1 ? groups[0] : Plan.SlotSharingGroup.Default;
    }

    /// <summary>The user's uid, or a hash of the node's name and inputs: stable as long as the program's shape is.</summary>
    private string UidOf(PhysicalTransformation t, List<Upstream> inputs)
    {
        if (t.Uid is { } uid)
        {
            if (!_uids.Add(uid))
                throw new InvalidOperationException($"The uid '{uid}' is used by more than one operator; uids must be unique.");
            return uid;
        }
        var shape = $"{t.Name}|{string.Join(",", inputs.Select(i => $"{i.Node.Uid}:{i.Partitioner?.Name}:{i.SideOutput?.Id}"))}";
        for (var occurrence = 0; ; occurrence++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{shape}|{occurrence}")))[..16];
            if (_uids.Add(hash))
                return hash;
        }
    }
}

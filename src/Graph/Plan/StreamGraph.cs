using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>One operator of the stream graph, with its resolved parallelism and uid.</summary>
public sealed class StreamNode
{
    internal StreamNode(PhysicalTransformation transformation, int parallelism, int maxParallelism, string uid, string slotSharingGroup)
    {
        Transformation = transformation;
        Parallelism = parallelism;
        MaxParallelism = maxParallelism;
        Uid = uid;
        SlotSharingGroup = slotSharingGroup;
    }

    /// <summary>The node id (the transformation's id).</summary>
    public int Id => Transformation.Id;

    /// <summary>The operator's display name.</summary>
    public string Name => Transformation.Name;

    /// <summary>The stable operator id: the user's uid or one derived from the graph's shape.</summary>
    public string Uid { get; }

    /// <summary>The resolved parallelism.</summary>
    public int Parallelism { get; }

    /// <summary>The resolved max parallelism.</summary>
    public int MaxParallelism { get; }

    /// <summary>The resolved slot sharing group: the user's, the inputs' common one, or "default".</summary>
    public string SlotSharingGroup { get; }

    /// <summary>The transformation this node runs.</summary>
    public PhysicalTransformation Transformation { get; }

    /// <summary>The element type this node emits on its main output.</summary>
    public StreamType OutputType => Transformation.OutputType;

    /// <summary>True for source nodes.</summary>
    public bool IsSource => Transformation is ISourceTransformation;

    /// <summary>True for sink nodes.</summary>
    public bool IsSink => Transformation is OneInputTransformation { IsSink: true };

    /// <summary>Edges into this node.</summary>
    public List<StreamEdge> InEdges { get; } = [];

    /// <summary>Edges out of this node.</summary>
    public List<StreamEdge> OutEdges { get; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>A connection between two operators, with its partitioner and the side output it carries (if any).</summary>
public sealed record StreamEdge(StreamNode Source, StreamNode Target, StreamPartitioner Partitioner, OutputTag? SideOutput, int InputIndex = 0)
{
    /// <summary>The element type that travels on the edge: the type of the target's input it feeds.</summary>
    public StreamType Type => Target.Transformation.InputType(InputIndex);
}

/// <summary>The operators of a job and how they connect, before chaining.</summary>
public sealed class StreamGraph(string jobName, RuntimeExecutionMode runtimeMode, PlanSettings settings, IReadOnlyList<StreamNode> nodes)
{
    /// <summary>The job's name.</summary>
    public string JobName { get; } = jobName;

    /// <summary>The effective runtime mode (Streaming or Batch).</summary>
    public RuntimeExecutionMode RuntimeMode { get; } = runtimeMode;

    /// <summary>The environment settings.</summary>
    public PlanSettings Settings { get; } = settings;

    /// <summary>The nodes in topological order.</summary>
    public IReadOnlyList<StreamNode> Nodes { get; } = nodes;
}

namespace ActorStream.Graph.Plan;

/// <summary>A chain of operators that runs as one subtask per parallel instance.</summary>
public sealed class JobVertex
{
    internal JobVertex(string id, IReadOnlyList<StreamNode> chain)
    {
        Id = id;
        Chain = chain;
        Name = string.Join(" -> ", chain.Select(n => n.IsSource ? $"Source: {n.Name}" : n.IsSink ? $"Sink: {n.Name}" : n.Name));
    }

    /// <summary>A stable id derived from the chained operators' uids.</summary>
    public string Id { get; }

    /// <summary>The chain's display name, e.g. "Source: lines -> FlatMap".</summary>
    public string Name { get; }

    /// <summary>The chained operators in topological order; the first is the head.</summary>
    public IReadOnlyList<StreamNode> Chain { get; }

    /// <summary>The operator that receives the vertex's network input.</summary>
    public StreamNode Head => Chain[0];

    /// <summary>The vertex's parallelism.</summary>
    public int Parallelism => Head.Parallelism;

    /// <summary>The vertex's max parallelism.</summary>
    public int MaxParallelism => Head.MaxParallelism;

    /// <summary>The vertex's slot sharing group (every chained operator is in it).</summary>
    public string SlotSharingGroup => Head.SlotSharingGroup;

    /// <summary>True when the head is a source.</summary>
    public bool IsSource => Head.IsSource;

    /// <summary>Network edges into the head.</summary>
    public List<JobEdge> Inputs { get; } = [];

    /// <summary>Network edges out of any chained operator.</summary>
    public List<JobEdge> Outputs { get; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{Id}] x{Parallelism}";
}

/// <summary>A network edge between two vertices.</summary>
public sealed record JobEdge(JobVertex Source, JobVertex Target, StreamEdge StreamEdge)
{
    /// <summary>The edge's partitioner.</summary>
    public StreamPartitioner Partitioner => StreamEdge.Partitioner;

    /// <summary>How many channels sender <paramref name="senderIndex"/> writes to: its pointwise group, or every target.</summary>
    public int ChannelsOf(int senderIndex) => Partitioner.IsPointwise
        ? PointwisePattern.TargetsOf(senderIndex, Source.Parallelism, Target.Parallelism).Count
        : Target.Parallelism;

    /// <summary>The target subtask of channel <paramref name="channel"/> of sender <paramref name="senderIndex"/>.</summary>
    public int TargetSubtask(int senderIndex, int channel) => Partitioner.IsPointwise
        ? PointwisePattern.TargetsOf(senderIndex, Source.Parallelism, Target.Parallelism).Start + channel
        : channel;

    /// <summary>The senders that write to target subtask <paramref name="targetIndex"/>, in ascending order.</summary>
    public IEnumerable<int> SendersOf(int targetIndex)
    {
        var (start, count) = Partitioner.IsPointwise
            ? PointwisePattern.SendersOf(targetIndex, Source.Parallelism, Target.Parallelism)
            : (0, Source.Parallelism);
        return Enumerable.Range(start, count);
    }

    /// <summary>The channel of sender <paramref name="senderIndex"/> that reaches target subtask <paramref name="targetIndex"/>.</summary>
    public int SenderChannel(int senderIndex, int targetIndex) => Partitioner.IsPointwise
        ? targetIndex - PointwisePattern.TargetsOf(senderIndex, Source.Parallelism, Target.Parallelism).Start
        : targetIndex;

    /// <summary>The position of sender <paramref name="senderIndex"/> among <see cref="SendersOf"/> target <paramref name="targetIndex"/>.</summary>
    public int SenderPosition(int senderIndex, int targetIndex) => Partitioner.IsPointwise
        ? senderIndex - PointwisePattern.SendersOf(targetIndex, Source.Parallelism, Target.Parallelism).Start
        : senderIndex;
}

/// <summary>The executable plan: chained vertices connected by network edges.</summary>
public sealed class JobGraph(StreamGraph streamGraph, IReadOnlyList<JobVertex> vertices)
{
    /// <summary>The job's name.</summary>
    public string JobName => StreamGraph.JobName;

    /// <summary>The effective runtime mode (Streaming or Batch).</summary>
    public RuntimeExecutionMode RuntimeMode => StreamGraph.RuntimeMode;

    /// <summary>The settings the job runs with.</summary>
    public PlanSettings Settings => StreamGraph.Settings;

    /// <summary>The graph before chaining.</summary>
    public StreamGraph StreamGraph { get; } = streamGraph;

    /// <summary>The vertices in topological order.</summary>
    public IReadOnlyList<JobVertex> Vertices { get; } = vertices;

    /// <summary>The vertex with id <paramref name="id"/>.</summary>
    public JobVertex Vertex(string id) => Vertices.FirstOrDefault(v => v.Id == id)
        ?? throw new KeyNotFoundException($"The job graph has no vertex '{id}'.");

    /// <summary>The total number of subtasks.</summary>
    public int SubtaskCount => Vertices.Sum(v => v.Parallelism);

    /// <summary>How the job's subtasks share slots: one block of slots per slot sharing group.</summary>
    public SlotSharing SlotSharing => _slotSharing ??= new SlotSharing(Vertices);

    private SlotSharing? _slotSharing;
}

namespace ActorStream.Actors.Node;

/// <summary>What the entities of one node share: the job graphs and the clocks.</summary>
public sealed record RuntimeServices(JobGraphs Graphs, TimeProvider TimeProvider)
{
    /// <summary>How often subtasks report progress to their job master.</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>This node's metrics instruments, fed by its subtasks and job masters; null where nobody reads them.</summary>
    public NodeMetrics? Metrics { get; init; }

    /// <summary>How long the job master waits for every subtask to deploy.</summary>
    public TimeSpan SchedulingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The shard region of key-group state entities.</summary>
    public Akka.Actor.IActorRef KeyGroupRegion { get; init; } = Akka.Actor.ActorRefs.Nobody;

    /// <summary>Job masters keep a durable record and their entities are remembered, so jobs outlive their job master's node.</summary>
    public bool DurableJobs { get; init; }

    /// <summary>How long a subtask waits for its key-group writes before it declines the checkpoint.</summary>
    public TimeSpan StateWriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The proxy of the cluster's slot manager.</summary>
    public Akka.Actor.IActorRef SlotManager { get; init; } = Akka.Actor.ActorRefs.Nobody;

    /// <summary>The cluster-wide directory of jobs that <c>actorstream list</c> reads.</summary>
    public Cluster.JobDirectory? Directory { get; init; }

    /// <summary>Where checkpoints and keyed state are stored.</summary>
    public Persistence.StateStoreSettings StateStore { get; init; } = Persistence.StateStoreSettings.Parse(null);

    /// <summary>Checkpoints for jobs that configure none (actorstream.checkpoints), or null.</summary>
    public Graph.CheckpointConfig? DefaultCheckpointing { get; init; }

    /// <summary>
    /// The checkpoint settings a job runs with: its own, else the node's default; none in BATCH mode,
    /// where (as in Flink) a failure simply reruns the bounded input.
    /// </summary>
    public Graph.CheckpointConfig? CheckpointingOf(Graph.Plan.JobGraph graph) =>
        graph.RuntimeMode == Graph.RuntimeExecutionMode.Streaming ? graph.Settings.Checkpointing ?? DefaultCheckpointing : null;

    /// <summary>True when the job reads the state store at its start: it checkpoints (and loads its checkpoints) or restores.</summary>
    public bool UsesStateStore(Graph.Plan.JobGraph graph) => CheckpointingOf(graph) is not null || graph.Settings.RestoreFrom is not null;

    /// <summary>
    /// The bytes a message to another node may take: half of Akka.Remote's frame, room for headers and
    /// records larger than the average (record batches are sized to it; larger messages go in parts).
    /// </summary>
    public int RemoteMessageBytes { get; init; } = 64 * 1024;

    /// <summary>How long the job master waits for cancelled subtasks to confirm.</summary>
    public TimeSpan CancellationTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

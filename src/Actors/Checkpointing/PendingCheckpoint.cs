using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Checkpointing;

/// <summary>A triggered checkpoint waiting for the acknowledgement of every subtask.</summary>
internal sealed class PendingCheckpoint
{
    private readonly HashSet<(string Vertex, int Index)> _waitingFor;
    private readonly Dictionary<string, SortedList<int, byte[]>> _operatorStates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keyed = new(StringComparer.Ordinal);

    public PendingCheckpoint(CheckpointBarrier barrier, JobGraph graph, long startedAt)
    {
        Barrier = barrier;
        StartedAt = startedAt;
        _waitingFor = graph.Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(i => (v.Id, i))).ToHashSet();
    }

    /// <summary>The barrier that was sent.</summary>
    public CheckpointBarrier Barrier { get; }

    /// <summary>The checkpoint id.</summary>
    public long Id => Barrier.Id;

    /// <summary>When it was triggered (a <see cref="TimeProvider"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>Key groups written by all subtasks so far.</summary>
    public int KeyGroupsWritten { get; private set; }

    /// <summary>Bytes of keyed state written by all subtasks so far.</summary>
    public long KeyedBytesWritten { get; private set; }

    /// <summary>Bytes of operator state collected so far.</summary>
    public long OperatorBytes { get; private set; }

    /// <summary>The longest barrier alignment of the subtasks that acknowledged, in ms.</summary>
    public long MaxAlignmentMs { get; private set; }

    /// <summary>True when every subtask acknowledged.</summary>
    public bool IsFullyAcknowledged => _waitingFor.Count == 0;

    /// <summary>Records a subtask's acknowledgement; false when it was not expected (duplicate or unknown).</summary>
    public bool Acknowledge(AcknowledgeCheckpoint ack)
    {
        if (!_waitingFor.Remove((ack.VertexId, ack.SubtaskIndex)))
            return false;
        foreach (var (uid, state) in ack.State.OperatorStates)
        {
            if (!_operatorStates.TryGetValue(uid, out var list))
                _operatorStates.Add(uid, list = []);
            list[ack.SubtaskIndex] = state; // ordered by subtask index, so restores are deterministic
            OperatorBytes += state.Length;
        }
        _keyed.UnionWith(ack.State.KeyedOperators);
        KeyGroupsWritten += ack.State.KeyGroupsWritten;
        KeyedBytesWritten += ack.State.KeyedBytesWritten;
        MaxAlignmentMs = Math.Max(MaxAlignmentMs, ack.AlignmentMs);
        return true;
    }

    /// <summary>The metadata of the completed checkpoint, covering every operator of the graph.</summary>
    public CompletedCheckpoint Complete(JobGraph graph, long completedAt) => new(
        Id, graph.JobName, Barrier.Kind, completedAt,
        graph.Vertices.SelectMany(v => v.Chain).ToDictionary(
            node => node.Uid,
            node => new OperatorCheckpointState(node.Parallelism, node.MaxParallelism, _keyed.Contains(node.Uid),
                _operatorStates.TryGetValue(node.Uid, out var states) ? [.. states.Values] : []),
            StringComparer.Ordinal));
}

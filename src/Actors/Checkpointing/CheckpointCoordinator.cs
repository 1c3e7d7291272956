using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Checkpointing;

/// <summary>
/// The checkpoint bookkeeping of one job, without actors (the job master drives it): decides when
/// a checkpoint may start (interval, min pause, max concurrent), hands out ids, collects
/// acknowledgements, follows the metadata being stored and the final checkpoint of bounded input.
/// </summary>
internal sealed class CheckpointCoordinator
{
    private readonly JobGraph _graph;
    private readonly CheckpointConfig _config;
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, PendingCheckpoint> _pending = [];
    private readonly Dictionary<long, (CompletedCheckpoint Checkpoint, PendingCheckpoint Pending)> _storing = [];
    private readonly HashSet<(string Vertex, int Index)> _exhaustedSources = [];
    private long _lastCompletedAt = long.MinValue;

    public CheckpointCoordinator(JobGraph graph, CheckpointConfig config, TimeProvider time, long nextId)
    {
        _graph = graph;
        _config = config;
        _time = time;
        NextId = nextId;
        Failures = new CheckpointFailureManager(config.TolerableFailedCheckpoints);
    }

    /// <summary>The id the next checkpoint gets; ids only grow, across runs of the same job name.</summary>
    public long NextId { get; private set; }

    /// <summary>Checkpoint failures (declined, expired).</summary>
    public CheckpointFailureManager Failures { get; }

    /// <summary>Checkpoints in progress.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Starts a periodic checkpoint if the interval settings allow one now; null otherwise.</summary>
    public CheckpointBarrier? TryTriggerPeriodic()
    {
        // A checkpoint whose metadata is being stored is still in progress (as in Flink): counting only those
        // awaiting acknowledgements let a second one start while the first was being stored, so a "completed"
        // checkpoint could be one that started before records its predecessor had not seen yet.
        if (_pending.Count + _storing.Count >= _config.MaxConcurrentCheckpoints)
            return null;
        if (_lastCompletedAt != long.MinValue && _time.GetElapsedTime(_lastCompletedAt) < _config.MinPauseBetweenCheckpoints)
            return null;
        return Start(CheckpointKind.Checkpoint);
    }

    /// <summary>Starts a checkpoint or savepoint now, whatever the interval settings say.</summary>
    public CheckpointBarrier Start(CheckpointKind kind)
    {
        var barrier = new CheckpointBarrier(NextId++, _time.GetUtcNow().ToUnixTimeMilliseconds(), kind);
        _pending.Add(barrier.Id, new PendingCheckpoint(barrier, _graph, _time.GetTimestamp()));
        return barrier;
    }

    /// <summary>Records an acknowledgement; returns the checkpoint when it is now fully acknowledged.</summary>
    public PendingCheckpoint? Acknowledge(AcknowledgeCheckpoint ack)
    {
        if (!_pending.TryGetValue(ack.CheckpointId, out var pending) || !pending.Acknowledge(ack) || !pending.IsFullyAcknowledged)
            return null;
        _pending.Remove(ack.CheckpointId);
        return pending;
    }

    /// <summary>The final checkpoint (it commits all output once every source read its input), once started.</summary>
    public long? FinalCheckpoint { get; private set; }

    /// <summary>The fully acknowledged checkpoint's metadata is being stored; it completes once that is durable.</summary>
    public void Storing(CompletedCheckpoint checkpoint, PendingCheckpoint pending) => _storing[pending.Id] = (checkpoint, pending);

    /// <summary>
    /// The metadata of <paramref name="checkpointId"/> is durable: the checkpoint is complete (later triggers
    /// respect the min pause from now). Null when it was not being stored.
    /// </summary>
    public (CompletedCheckpoint Checkpoint, PendingCheckpoint Pending)? Stored(long checkpointId)
    {
        if (!_storing.Remove(checkpointId, out var stored))
            return null;
        _lastCompletedAt = _time.GetTimestamp();
        Failures.OnSuccess();
        return stored;
    }

    /// <summary>The store failed: the checkpoints whose metadata it was storing are lost; returns their ids.</summary>
    public IReadOnlyList<long> StoringFailed()
    {
        var ids = _storing.Keys.ToList();
        _storing.Clear();
        return ids;
    }

    /// <summary>A source subtask read all its input; true when it was the last of the job's <paramref name="sources"/> source subtasks.</summary>
    public bool SourceExhausted(string vertexId, int subtaskIndex, int sources) =>
        _exhaustedSources.Add((vertexId, subtaskIndex)) && _exhaustedSources.Count == sources;

    /// <summary>Starts the final checkpoint.</summary>
    public CheckpointBarrier StartFinal()
    {
        var barrier = Start(CheckpointKind.Checkpoint);
        FinalCheckpoint = barrier.Id;
        return barrier;
    }

    /// <summary>Aborts a pending checkpoint; false when it was not pending (already done or aborted).</summary>
    public bool Abort(long checkpointId) => _pending.Remove(checkpointId);

    /// <summary>
    /// Aborts every pending checkpoint (on failure or restart) and returns their ids; the next attempt
    /// reads its input again, so exhausted sources and the final checkpoint are forgotten. Metadata
    /// being stored still completes: the next attempt restores from it.
    /// </summary>
    public IReadOnlyList<long> AbortAll()
    {
        var ids = _pending.Keys.ToList();
        _pending.Clear();
        _exhaustedSources.Clear();
        FinalCheckpoint = null;
        return ids;
    }

    /// <summary>How long a checkpoint has been running.</summary>
    public TimeSpan Age(PendingCheckpoint pending) => _time.GetElapsedTime(pending.StartedAt);
}

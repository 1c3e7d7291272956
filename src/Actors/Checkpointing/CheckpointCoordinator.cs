using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Checkpointing;

/// <summary>
/// The checkpoint bookkeeping of one job, without actors (the job master drives it): decides when
/// a checkpoint may start (interval, min pause, max concurrent), hands out ids, collects
/// acknowledgements and expires checkpoints that take too long.
/// </summary>
internal sealed class CheckpointCoordinator
{
    private readonly JobGraph _graph;
    private readonly CheckpointConfig _config;
    private readonly TimeProvider _time;
    private readonly SortedDictionary<long, PendingCheckpoint> _pending = [];
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
        if (_pending.Count >= _config.MaxConcurrentCheckpoints)
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

    /// <summary>The checkpoint's metadata is durable: later triggers respect the min pause from now.</summary>
    public void OnCompleted()
    {
        _lastCompletedAt = _time.GetTimestamp();
        Failures.OnSuccess();
    }

    /// <summary>Aborts a pending checkpoint; false when it was not pending (already done or aborted).</summary>
    public bool Abort(long checkpointId) => _pending.Remove(checkpointId);

    /// <summary>Aborts every pending checkpoint (on failure or restart) and returns their ids.</summary>
    public IReadOnlyList<long> AbortAll()
    {
        var ids = _pending.Keys.ToList();
        _pending.Clear();
        return ids;
    }

    /// <summary>How long a checkpoint has been running.</summary>
    public TimeSpan Age(PendingCheckpoint pending) => _time.GetElapsedTime(pending.StartedAt);
}

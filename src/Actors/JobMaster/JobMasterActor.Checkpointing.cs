using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Event;

namespace ActorStream.Actors.JobMaster;

/// <summary>The job master's checkpoint coordination: triggers, acknowledgements, completion, savepoints, the final checkpoint.</summary>
public sealed partial class JobMasterActor
{
    private CheckpointCoordinator? _coordinator;
    private IActorRef _store = ActorRefs.Nobody;
    private IActorRef _restoreStore = ActorRefs.Nobody;
    private CompletedCheckpoint? _latest;
    private readonly Dictionary<long, (IActorRef ReplyTo, bool StopAfter)> _savepointRequests = [];
    private long _nextCheckpointId = 1;
    private int _completedCheckpoints;

    /// <summary>The latest checkpoints, newest last, for the REST API and the dashboard.</summary>
    private readonly Queue<CheckpointStats> _checkpointHistory = new();

    private const int CheckpointHistorySize = 10;
    private int _failedCheckpoints;
    private int _storeIncarnation;

    /// <summary>Checkpoints run for streaming jobs with a checkpoint config (as in Flink, not in BATCH mode).</summary>
    private bool CheckpointingActive => _services.CheckpointingOf(_graph) is not null;

    private CheckpointConfig Config => _services.CheckpointingOf(_graph)!;

    private void LoadCheckpoints()
    {
        try
        {
            Persistence.StateStoreInitializer.EnsureOnce(_services.StateStore);
        }
        catch (InvalidOperationException e)
        {
            FailJob(null, null, e);
            return;
        }
        _store = StartStore();
        _store.Tell(Checkpointing.LoadCheckpoints.Instance);
        Timers.StartSingleTimer("scheduling", SchedulingTimedOut.Instance, _services.SchedulingTimeout);
        _status = JobStatus.Scheduling;
        Become(LoadingCheckpoints);
    }

    /// <summary>The job name's checkpoint store, watched: it stops when the state store fails a write or its recovery.</summary>
    private IActorRef StartStore() => Context.Watch(Context.ActorOf(CompletedCheckpointStore.Props(_graph.JobName), $"checkpoints-{++_storeIncarnation}"));

    /// <summary>
    /// The checkpoint store stopped because the state store failed: start it again (it recovers once the
    /// store answers), and fail the checkpoints whose metadata it was storing, so the job restarts with backoff.
    /// </summary>
    private void OnStoreLost()
    {
        _log.Warning("Job {0}: the checkpoint store stopped (the state store failed); starting it again", _graph.JobName);
        _store = StartStore();
        if (_status == JobStatus.Scheduling && _coordinator is null)
        {
            Timers.StartSingleTimer("reload-checkpoints", ReloadCheckpoints.Instance, TimeSpan.FromSeconds(2));
            return;
        }
        foreach (var id in _coordinator?.StoringFailed() ?? [])
            OnCheckpointFailed(id, "the state store could not store the checkpoint's metadata");
    }

    private void LoadingCheckpoints()
    {
        Receive<ReloadCheckpoints>(_ => _store.Tell(Checkpointing.LoadCheckpoints.Instance));
        Receive<CheckpointsLoaded>(loaded =>
        {
            if (Sender.Equals(_store))
            {
                _nextCheckpointId = loaded.NextId;
                if (Durable)
                    RecordCheckpointsBegin(loaded.NextId);
                if (ResumeCheckpoint(loaded) is { } resume)
                {
                    Timers.Cancel("scheduling");
                    _latest = resume;
                    StartCoordinatorAndDeploy();
                    return;
                }
                var (otherJob, _) = _graph.Settings.RestoreFrom?.Parse() ?? (null, null);
                if (otherJob is not null && otherJob != _graph.JobName)
                {
                    _restoreStore = Context.ActorOf(CompletedCheckpointStore.Props(otherJob), "restore-source");
                    _restoreStore.Tell(Checkpointing.LoadCheckpoints.Instance);
                    return;
                }
            }
            else
            {
                Context.Stop(_restoreStore);
            }
            StartFrom(loaded);
        });
        Receive<SchedulingTimedOut>(_ => FailJob(null, null,
            new TimeoutException($"The state store did not answer within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        ReceiveBeforeRunning();
        ReceiveProgress();
    }

    /// <summary>Picks the checkpoint to restore (if asked), checks it fits the graph, then deploys.</summary>
    private void StartFrom(CheckpointsLoaded loaded)
    {
        Timers.Cancel("scheduling");
        if (_graph.Settings.RestoreFrom is { } restore)
        {
            var (job, id) = restore.Parse();
            var name = job ?? _graph.JobName;
            var found = id is null ? loaded.Latest : loaded.Retained.FirstOrDefault(c => c.Id == id);
            if (found is null)
            {
                var what = id is null ? "no completed checkpoint or savepoint" : $"no retained checkpoint or savepoint {id}";
                var known = loaded.Retained.Count == 0 ? "none" : string.Join(", ", loaded.Retained.Select(c => c.Pointer));
                FailJob(null, null, new CheckpointRestoreException(
                    $"Cannot restore '{restore.Pointer}': the state store has {what} for job '{name}' (retained: {known}). " +
                    "Check --state-db and the job name, or start without --from-savepoint."));
                return;
            }
            if (RestoreMismatch(found, restore.AllowNonRestoredState) is { } problem)
            {
                FailJob(null, null, new CheckpointRestoreException($"Cannot restore {found.Pointer}: {problem}"));
                return;
            }
            _latest = found;
        }
        StartCoordinatorAndDeploy();
    }

    private void StartCoordinatorAndDeploy()
    {
        if (CheckpointingActive)
            _coordinator = new CheckpointCoordinator(_graph, Config, _services.TimeProvider, _nextCheckpointId);
        Deploy();
    }

    /// <summary>Operators are matched by uid; keyed state keeps its key groups, so max parallelism must not change.</summary>
    private string? RestoreMismatch(CompletedCheckpoint checkpoint, bool allowNonRestored)
    {
        var nodes = _graph.Vertices.SelectMany(v => v.Chain).ToDictionary(n => n.Uid, StringComparer.Ordinal);
        foreach (var (uid, state) in checkpoint.Operators)
        {
            var hasState = state.Keyed || state.SubtaskStates.Count > 0;
            if (!nodes.TryGetValue(uid, out var node))
            {
                if (hasState && !allowNonRestored)
                    return $"the checkpoint has state for operator uid '{uid}', which this job does not have. " +
                        "Give the operator its old uid, or pass --allow-non-restored-state to drop that state.";
                continue;
            }
            if (state.Keyed && node.MaxParallelism != state.MaxParallelism)
                return $"operator '{node.Name}' (uid '{uid}') had max parallelism {state.MaxParallelism} and now has {node.MaxParallelism}; " +
                    "keyed state can only be restored with the same max parallelism.";
        }
        return null;
    }

    private void StartCheckpointTimer()
    {
        if (_coordinator is not null)
            Timers.StartPeriodicTimer("checkpoint", CheckpointTick.Instance, Config.Interval);
    }

    private void OnAcknowledge(AcknowledgeCheckpoint ack)
    {
        if (_coordinator?.Acknowledge(ack) is not { } pending)
            return;
        Timers.Cancel(ExpiryTimer(pending.Id));
        var checkpoint = pending.Complete(_graph, _services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        _coordinator.Storing(checkpoint, pending);
        _store.Tell(new StoreCheckpoint(checkpoint));
    }

    private void ReceiveCheckpointing()
    {
        Receive<CheckpointTick>(_ =>
        {
            if (_status == JobStatus.Running && _coordinator!.TryTriggerPeriodic() is { } barrier)
                SendTrigger(barrier);
        });
        Receive<AcknowledgeCheckpoint>(OnAcknowledge);
        Receive<MessagePart>(part =>
        {
            if (_assembler.Add(part) is AcknowledgeCheckpoint ack)
                OnAcknowledge(ack);
        });
        Receive<DeclineCheckpoint>(decline =>
        {
            if (_coordinator?.Abort(decline.CheckpointId) == true)
                OnCheckpointFailed(decline.CheckpointId, $"subtask {decline.SubtaskIndex + 1} of {_graph.Vertex(decline.VertexId).Name} declined: {decline.Reason}");
        });
        Receive<CheckpointExpired>(expired =>
        {
            if (_coordinator?.Abort(expired.CheckpointId) == true)
                OnCheckpointFailed(expired.CheckpointId, $"not complete within the timeout of {Config.Timeout.TotalSeconds:0.###} s");
        });
        Receive<SourceExhausted>(exhausted =>
        {
            if (_subtasks.Contains(Sender) && _coordinator!.SourceExhausted(exhausted.VertexId, exhausted.SubtaskIndex, SourceSubtasks().Count()))
                TriggerFinalCheckpoint();
        });
        Receive<TriggerSavepoint>(trigger =>
        {
            if (_coordinator is null)
            {
                Sender.Tell(new Status.Failure(new InvalidOperationException(
                    "Savepoints need checkpointing: enable it (EnableCheckpointing, or --checkpoint-interval).")));
                return;
            }
            var barrier = _coordinator.Start(CheckpointKind.Savepoint);
            _savepointRequests[barrier.Id] = (Sender, trigger.StopAfter);
            SendTrigger(barrier, suspendSources: trigger.StopAfter);
        });
        ReceiveCheckpointStored();
    }

    /// <summary>The metadata is durable: the checkpoint is complete; sinks may commit.</summary>
    private void ReceiveCheckpointStored() => Receive<CheckpointStored>(stored =>
    {
        if (_coordinator?.Stored(stored.CheckpointId) is not var (checkpoint, pending))
            return;
        _latest = checkpoint;
        _completedCheckpoints++;
        Remember(new CheckpointStats(checkpoint.Id, checkpoint.Kind == CheckpointKind.Savepoint, Completed: true, pending.Barrier.Timestamp,
            (long)(_coordinator?.Age(pending).TotalMilliseconds ?? 0), pending.KeyedBytesWritten + pending.OperatorBytes)
        {
            AlignmentMs = pending.MaxAlignmentMs,
        });
        Publish();
        _log.Info("Job {0}: {1} {2} completed in {3:0} ms: {4} key groups, {5} bytes of keyed state, {6} bytes of operator state",
            [_graph.JobName, checkpoint.Kind == CheckpointKind.Savepoint ? "savepoint" : "checkpoint", checkpoint.Pointer,
            _coordinator?.Age(pending).TotalMilliseconds ?? 0, pending.KeyGroupsWritten, pending.KeyedBytesWritten, pending.OperatorBytes]);
        if (_status is not (JobStatus.Running or JobStatus.Finishing))
            return; // restarting: the next attempt restores from it
        var notify = new NotifyCheckpointComplete(checkpoint.Id);
        foreach (var subtask in _subtasks.All)
            subtask.Tell(notify);
        if (_savepointRequests.Remove(checkpoint.Id, out var request))
        {
            request.ReplyTo.Tell(new SavepointTaken(checkpoint.Pointer));
            if (request.StopAfter)
                StopAfterSavepoint();
        }
        if (_coordinator!.FinalCheckpoint is { } final && checkpoint.Id >= final)
        {
            foreach (var source in SourceSubtasks())
                source.Tell(FinishSource.Instance);
        }
    });

    private void Remember(CheckpointStats stats)
    {
        _checkpointHistory.Enqueue(stats);
        while (_checkpointHistory.Count > CheckpointHistorySize)
            _checkpointHistory.Dequeue();
    }

    private void SendTrigger(CheckpointBarrier barrier, bool suspendSources = false)
    {
        var trigger = new TriggerCheckpoint(barrier, suspendSources);
        foreach (var source in SourceSubtasks())
            source.Tell(trigger);
        Timers.StartSingleTimer(ExpiryTimer(barrier.Id), new CheckpointExpired(barrier.Id), Config.Timeout);
    }

    /// <summary>Every source read all its input: one more checkpoint commits all output, then the sources end.</summary>
    private void TriggerFinalCheckpoint()
    {
        _status = JobStatus.Finishing;
        SendTrigger(_coordinator!.StartFinal());
    }

    private void OnCheckpointFailed(long checkpointId, string reason)
    {
        _failedCheckpoints++;
        Remember(new CheckpointStats(checkpointId, IsSavepoint: _savepointRequests.ContainsKey(checkpointId), Completed: false,
            _services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(), 0, 0, reason));
        _log.Warning("Job {0}: checkpoint {1} failed: {2}", _graph.JobName, checkpointId, reason);
        Timers.Cancel(ExpiryTimer(checkpointId));
        var aborted = new NotifyCheckpointAborted(checkpointId);
        foreach (var subtask in _subtasks.All)
            subtask.Tell(aborted);
        if (_savepointRequests.Remove(checkpointId, out var request))
            request.ReplyTo.Tell(new Status.Failure(new InvalidOperationException($"Savepoint {checkpointId} failed: {reason}")));
        if (_coordinator!.Failures.OnFailure())
        {
            HandleFailure(null, null, new InvalidOperationException(
                $"{_coordinator.Failures.ConsecutiveFailures} checkpoint failures in a row exceed the tolerable {Config.TolerableFailedCheckpoints}; last: {reason}"));
            return;
        }
        if (_coordinator.FinalCheckpoint == checkpointId)
            TriggerFinalCheckpoint();
    }

    private void AbortPendingCheckpoints()
    {
        Timers.Cancel("checkpoint");
        foreach (var id in _coordinator?.AbortAll() ?? [])
            Timers.Cancel(ExpiryTimer(id));
        FailSavepointRequests("The job failed or was cancelled before the savepoint completed.");
    }

    private void FailSavepointRequests(string reason)
    {
        foreach (var (_, request) in _savepointRequests)
            request.ReplyTo.Tell(new Status.Failure(new InvalidOperationException(reason)));
        _savepointRequests.Clear();
    }

    /// <summary>Stop with savepoint: the savepoint's output is committed (notified before), then the subtasks stop.</summary>
    private void StopAfterSavepoint()
    {
        var (_, _, counters) = _subtasks.Totals();
        _log.Info("Job {0} ({1}) stopped with savepoint {2}", _graph.JobName, _jobId, _latest!.Pointer);
        _status = JobStatus.Finished;
        StopSubtasks(new JobSucceeded(Result(counters)));
    }

    private static string ExpiryTimer(long checkpointId) => $"checkpoint-expiry-{checkpointId}";

    private sealed record CheckpointTick
    {
        public static readonly CheckpointTick Instance = new();
    }

    private sealed record CheckpointExpired(long CheckpointId);

    private sealed record ReloadCheckpoints
    {
        public static readonly ReloadCheckpoints Instance = new();
    }
}

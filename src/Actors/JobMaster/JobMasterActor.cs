using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Node;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// Runs one job, as a Cluster Sharding entity: rebuilds its graph from the submitted spec, takes
/// slots, deploys its subtasks as entities, connects them, watches them finish, fail or vanish,
/// restarts them from the latest completed checkpoint, and reports the outcome. One behaviour per
/// lifecycle state: Created -> (LoadingCheckpoints) -> AwaitingSlots -> Scheduling -> Running
/// (-> Finishing) -> Finished, or -> Draining -> (AwaitingSlots | Ended). Checkpoint bookkeeping is
/// delegated to <see cref="CheckpointCoordinator"/> (the Checkpointing part); slots, death watch and
/// the job directory are in the Placement part.
/// </summary>
public sealed partial class JobMasterActor : ReceiveActor, IWithTimers, IWithStash
{
    private readonly RuntimeServices _services;
    private readonly IActorRef _subtaskRegion;
    private readonly MessageParts _parts;
    private readonly MessageAssembler _assembler = new(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private string _jobId = "";
    private JobSpec _spec = null!;
    private JobGraph _graph = null!;
    private IActorRef _listener = ActorRefs.Nobody;
    private SubtaskTable _subtasks = null!;
    private WatermarkAlignmentTable _alignment = new();
    private JobStatus _status = JobStatus.Created;
    private long _startedAt;
    private IJobOutcome? _pendingOutcome;
    private string? _failure;

    /// <summary>The latest failures, newest last, for the REST API and the dashboard.</summary>
    private readonly Queue<JobException> _exceptions = new();
    private RestoredCheckpoint? _restored;
    private int _restores;
    private bool _stopRequested;
    private int _attempt;
    private RestartBackoff _restarts = null!;
    private TimeSpan _restartDelay;

    /// <summary>Creates a job master that deploys subtasks through <paramref name="subtaskRegion"/>.</summary>
    public JobMasterActor(RuntimeServices services, IActorRef subtaskRegion)
    {
        _services = services;
        _subtaskRegion = subtaskRegion;
        _parts = new MessageParts(Context.System, services.RemoteMessageBytes);
        if (Durable)
            Recovering();
        else
            Created();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>Props for a job master entity.</summary>
    public static Props Props(RuntimeServices services, IActorRef subtaskRegion) =>
        Akka.Actor.Props.Create(() => new JobMasterActor(services, subtaskRegion));

    /// <summary>A new job master: waits for its job.</summary>
    private void Created()
    {
        Receive<SubmitJob>(Submit);
        ReceiveUnknownJob();
    }

    private void Submit(SubmitJob submit)
    {
        _jobId = submit.JobId;
        _spec = submit.Spec;
        _listener = submit.ResultListener;
        _submitter = Sender;
        _startedAt = _services.TimeProvider.GetTimestamp();
        _submittedAt = _services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            _graph = _services.Graphs.Resolve(submit.JobId, submit.Spec);
        }
        catch (JobDeploymentException e)
        {
            Reject(e.Message);
            End(new JobEnded(JobStatus.Failed, new JobExecutionException(submit.JobId,
                $"Job '{submit.Spec.JobName}' ({submit.JobId}) cannot run: {e.Message}", operatorName: null, subtaskIndex: null, cause: null)));
            return;
        }
        RecordEvent(new JobRecordSubmitted(submit.Spec, _submittedAt));
        Start();
    }

    /// <summary>Runs the job: from its checkpoints when it has any to load, else from the beginning.</summary>
    private void Start()
    {
        // A job master that took over counts the move as a restart, on top of the attempts before it.
        _restarts = new RestartBackoff(_graph.Settings.EffectiveRestartStrategy, _services.TimeProvider, restarts: _attempt);
        if (_services.UsesStateStore(_graph))
            LoadCheckpoints();
        else
            Deploy();
    }

    /// <summary>Starts an attempt: slots first (see the Placement part), then the subtasks.</summary>
    private void Deploy()
    {
        _subtasks = new SubtaskTable(_graph);
        _alignment = new WatermarkAlignmentTable();
        _status = JobStatus.Scheduling;
        Timers.StartSingleTimer("scheduling", SchedulingTimedOut.Instance, _services.SchedulingTimeout);
        RecordAttemptThenRequestSlots();
    }

    private void DeploySubtasks()
    {
        _log.Info("Job {0} ({1}): scheduling {2} subtasks in {3} vertices on {4}, mode {5}, attempt {6}{7}",
            [_graph.JobName, _jobId, _graph.SubtaskCount, _graph.Vertices.Count, string.Join(", ", _placement.Distinct()),
            _graph.RuntimeMode, _attempt, _latest is null ? "" : $", restoring checkpoint {_latest.Pointer}"]);
        var restoreBytes = _latest?.Operators.Values.Sum(o => o.SubtaskStates.Sum(s => (long)s.Length)) ?? 0;
        if (_latest is { } restoring)
        {
            _restored = new RestoredCheckpoint(restoring.Id, restoring.Pointer, restoring.Kind == CheckpointKind.Savepoint,
                _services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            _restores++;
        }
        foreach (var vertex in _graph.Vertices)
        {
            for (var index = 0; index < vertex.Parallelism; index++)
            {
                var entityId = EntityIds.Subtask(_jobId, vertex.Id, index, _attempt, _graph.SlotSharing.SlotOf(vertex, index));
                _parts.Send(new DeploySubtask(_jobId, _spec, vertex.Id, index, _attempt, Self, _latest),
                    message => _subtaskRegion.Tell(new ShardingEnvelope(entityId, message)), restoreBytes);
            }
        }
        Become(Scheduling);
    }

    private void Scheduling()
    {
        Receive<SubtaskRegistered>(registered =>
        {
            if (registered.Attempt != _attempt)
            {
                registered.Subtask.Tell(ReleaseSubtask.Instance); // a late answer of an attempt that was restarted
                return;
            }
            _subtasks.Register(registered);
            Context.Watch(registered.Subtask);
            if (!_subtasks.AllRegistered)
                return;
            Timers.Cancel("scheduling");
            ConnectSubtasks();
            _status = JobStatus.Running;
            _log.Info("Job {0} ({1}) is running", _graph.JobName, _jobId);
            Publish();
            Become(Running);
            StartCheckpointTimer();
            if (_stopRequested)
                StopSources();
        });
        Receive<SubtaskDeployFailed>(failed =>
        {
            var vertex = _graph.Vertex(failed.VertexId);
            var error = new InvalidOperationException($"Subtask {failed.SubtaskIndex + 1} of '{vertex.Name}' could not be deployed: {failed.Reason}");
            if (failed.Retriable)
                HandleFailure(vertex.Name, (failed.SubtaskIndex, vertex.Parallelism), error);
            else
                FailJob(null, null, error);
        });
        Receive<SubtaskFailed>(OnSubtaskFailed);
        ReceiveSubtaskLoss();
        Receive<SchedulingTimedOut>(_ => HandleFailure(null, null,
            new TimeoutException($"Not every subtask was deployed within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        ReceiveBeforeRunning();
        ReceiveCheckpointStored();
        ReceiveProgress();
    }

    /// <summary>Tells every subtask to start, with the refs of its neighbours only (the subtasks of the vertices its edges connect).</summary>
    private void ConnectSubtasks()
    {
        var refs = _subtasks.Refs();
        foreach (var vertex in _graph.Vertices)
        {
            var neighbours = vertex.Inputs.Select(e => e.Source.Id).Concat(vertex.Outputs.Select(e => e.Target.Id)).Distinct();
            var connect = new ConnectSubtask(neighbours.ToDictionary(id => id, id => refs[id], StringComparer.Ordinal));
            foreach (var subtask in _subtasks.Of(vertex))
                subtask.Tell(connect);
        }
    }

    /// <summary>Until every subtask runs: cancel at once, remember a stop for later, refuse savepoints.</summary>
    private void ReceiveBeforeRunning()
    {
        Receive<CancelJob>(_ => CancelJob());
        Receive<StopJob>(_ =>
        {
            _stopRequested = true; // applied once every subtask runs
            Sender.Tell(Done.Instance);
        });
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The job is not running yet."))));
    }

    private void Running()
    {
        Receive<SubtaskMetrics>(metrics =>
        {
            _subtasks.Update(metrics);
            if (metrics.SubtaskIndex == 0 && metrics.VertexId == _graph.Vertices[0].Id) // once per reporting period
                _services.Metrics?.Report(_jobId, _graph.JobName, Progress());
        });
        Receive<SubtaskFinished>(finished =>
        {
            if (!_subtasks.Contains(Sender))
                return;
            _subtasks.Finish(finished.Metrics);
            if (_subtasks.AllFinished)
                Finish();
        });
        Receive<ReportSourceWatermark>(report =>
        {
            if (_subtasks.Contains(Sender))
                Sender.Tell(new AlignSourceWatermarks(report.Group, _alignment.Report(report)));
        });
        Receive<SubtaskFailed>(OnSubtaskFailed);
        ReceiveSubtaskLoss();
        Receive<StopJob>(_ =>
        {
            StopSources();
            Sender.Tell(Done.Instance);
        });
        Receive<CancelJob>(_ => CancelJob());
        ReceiveCheckpointing();
        ReceiveProgress();
    }

    /// <summary>
    /// Waits until every subtask of the attempt finished, confirmed its cancellation or vanished, then
    /// restarts (<paramref name="restart"/>) or ends the job with the pending outcome.
    /// </summary>
    private void Draining(bool restart)
    {
        Receive<SubtaskCancelled>(cancelled => OnDrained(() => _subtasks.Stopped(cancelled.VertexId, cancelled.SubtaskIndex), restart));
        Receive<SubtaskFinished>(finished => OnDrained(() => _subtasks.Finish(finished.Metrics), restart));
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_store))
                OnStoreLost();
            else
                OnDrained(() => _subtasks.Stopped(terminated.ActorRef), restart);
        });
        Receive<Akka.Cluster.ClusterEvent.UnreachableMember>(unreachable => OnDrained(() => MarkUnreachable(unreachable.Member), restart));
        Receive<Akka.Cluster.ClusterEvent.MemberRemoved>(removed => OnDrained(() => MarkUnreachable(removed.Member), restart));
        ReceiveStaleRegistration();
        Receive<CancellationTimedOut>(_ =>
        {
            _log.Warning("Job {0}: not every subtask confirmed cancellation in time{1}", _jobId, restart ? "; restarting anyway" : "");
            AfterDrain(restart);
        });
        Receive<RestartNow>(_ =>
        {
            _attempt++;
            Deploy();
        });
        Receive<CancelJob>(_ =>
        {
            Sender.Tell(Done.Instance);
            if (restart)
                End(new JobEnded(JobStatus.Cancelled, Cancelled()));
        });
        Receive<StopJob>(_ =>
        {
            _stopRequested |= restart;
            Sender.Tell(Done.Instance);
        });
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException(
            restart ? "The job is restarting." : "The job is stopping."))));
        ReceiveCheckpointStored();
        ReceiveProgress();
        ReceiveAny(_ => { }); // metrics, acknowledgements and failures of the attempt being replaced
    }

    private void OnDrained(Action record, bool restart)
    {
        record();
        if (_subtasks.AllStopped)
            AfterDrain(restart);
    }

    private void AfterDrain(bool restart)
    {
        if (restart)
            ScheduleRestart();
        else
            End(_pendingOutcome!);
    }

    private void Ended()
    {
        Receive<Passivating>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        ReceiveStaleRegistration();
        Receive<StopJob>(_ => Sender.Tell(Done.Instance));
        Receive<CancelJob>(_ => Sender.Tell(Done.Instance));
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The job has ended."))));
        ReceiveProgress();
        ReceiveAny(_ => { });
    }

    /// <summary>A job command to an id no job master knows (never submitted, or ended and passivated).</summary>
    private void ReceiveUnknownJob()
    {
        Receive<IJobMasterMessage>(message =>
        {
            if (message is GetJobProgress or GetJobDetails or StopJob or JobMaster.CancelJob or TriggerSavepoint)
                Sender.Tell(new UnknownJob(Self.Path.Name));
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        });
    }

    private void StopSources()
    {
        _status = JobStatus.Finishing;
        foreach (var subtask in SourceSubtasks())
            subtask.Tell(StopSource.Instance);
    }

    private IEnumerable<IActorRef> SourceSubtasks() => _graph.Vertices.Where(v => v.IsSource).SelectMany(_subtasks.Of);

    /// <summary>Answers progress and details in every state.</summary>
    private void ReceiveProgress()
    {
        Receive<GetJobProgress>(_ => Sender.Tell(Progress()));
        Receive<GetJobDetails>(_ => Sender.Tell(new JobDetails(Progress(),
            (_subtasks ?? new SubtaskTable(_graph)).Details(_graph, Akka.Cluster.Cluster.Get(Context.System).SelfAddress), [.. _checkpointHistory],
            [.. _exceptions]) { Restored = _restored, Restores = _restores }));
    }

    private JobProgress Progress()
    {
        var (recordsIn, recordsOut, counters) = _subtasks?.Totals() ?? (0, 0, new Dictionary<string, long>());
        return new JobProgress(_status, Elapsed, recordsIn, recordsOut, counters)
        {
            CompletedCheckpoints = _completedCheckpoints,
            FailedCheckpoints = _failedCheckpoints,
            LatestCheckpoint = _latest?.Pointer,
            Restarts = _restarts?.Restarts ?? 0,
            Failure = _failure,
        };
    }

    private TimeSpan Elapsed => _services.TimeProvider.GetElapsedTime(_startedAt);

    private void Finish()
    {
        var (_, _, counters) = _subtasks.Totals();
        _status = JobStatus.Finished;
        _log.Info("Job {0} ({1}) finished in {2:0.000} s", _graph.JobName, _jobId, Elapsed.TotalSeconds);
        End(new JobSucceeded(Result(counters)));
    }

    private JobExecutionResult Result(IReadOnlyDictionary<string, long> counters) =>
        new(_jobId, _graph.JobName, Elapsed, counters)
        {
            CompletedCheckpoints = _completedCheckpoints,
            Restarts = _restarts.Restarts,
            LatestCheckpoint = _latest?.Pointer,
        };

    private void OnSubtaskFailed(SubtaskFailed failed)
    {
        if (!_subtasks.Contains(Sender))
            return; // a failure of an attempt that is already being replaced
        var vertex = _graph.Vertex(failed.VertexId);
        HandleFailure(failed.OperatorName, (failed.SubtaskIndex, vertex.Parallelism), failed.Cause,
            Cluster.NodeSlots.NodeOf(Sender, Akka.Cluster.Cluster.Get(Context.System).SelfAddress));
    }

    /// <summary>Restarts from the latest completed checkpoint if the restart strategy allows, else fails the job.</summary>
    private void HandleFailure(string? operatorName, (int Index, int Parallelism)? subtask, Exception cause, string? node = null)
    {
        if (_status is JobStatus.Restarting or JobStatus.Cancelling or JobStatus.Failed)
            return;
        RememberException(new JobException(_services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cause.GetType().FullName ?? cause.GetType().Name,
            Truncate(cause.ToString(), 16 * 1024), operatorName, subtask?.Index, node));
        if (_restarts.OnFailure() is not { } delay)
        {
            FailJob(operatorName, subtask, cause);
            return;
        }
        _log.Warning("Job {0} ({1}) failed{2}: {3}: {4}; restart {5} in {6:0.###} s from {7}",
            [_graph.JobName, _jobId, Where(operatorName, subtask), cause.GetType().Name, cause.Message, _restarts.Restarts,
            delay.TotalSeconds, _latest is null ? "the beginning (no completed checkpoint yet)" : $"checkpoint {_latest.Pointer}"]);
        _status = JobStatus.Restarting;
        _restartDelay = delay;
        Publish();
        AbortPendingCheckpoints();
        Timers.Cancel("scheduling");
        foreach (var running in _subtasks.All)
            running.Tell(CancelSubtask.Instance);
        Timers.StartSingleTimer("cancellation", CancellationTimedOut.Instance, _services.CancellationTimeout);
        Become(() => Draining(restart: true));
        if (_subtasks.AllStopped)
            ScheduleRestart();
    }

    private void RememberException(JobException exception)
    {
        _exceptions.Enqueue(exception);
        while (_exceptions.Count > 20)
            _exceptions.Dequeue();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private void ScheduleRestart()
    {
        Timers.Cancel("cancellation");
        ReleaseSubtasks();
        Timers.StartSingleTimer("restart", RestartNow.Instance, _restartDelay);
    }

    private static string Where(string? operatorName, (int Index, int Parallelism)? subtask) =>
        operatorName is null ? "" : $" in operator '{operatorName}'" + (subtask is { } s ? $" (subtask {s.Index + 1}/{s.Parallelism})" : "");

    private void FailJob(string? operatorName, (int Index, int Parallelism)? subtask, Exception cause)
    {
        var restarts = _restarts is { Restarts: > 0 } r ? $" after {r.Restarts} restart(s)" : "";
        var message = $"Job '{_spec.JobName}' ({_jobId}) failed{Where(operatorName, subtask)}{restarts}: {cause.GetType().Name}: {cause.Message}";
        if (cause is CheckpointRestoreException)
            _log.Info(message); // how the job was started is wrong, not the runtime: the submitter reports it, once
        else
            _log.Error(cause, message);
        Reject(message);
        _status = JobStatus.Failed;
        _failure = message; // clients polling while the subtasks drain see FAILED, so they must see why as well
        StopSubtasks(new JobEnded(JobStatus.Failed, new JobExecutionException(_jobId, message, operatorName, subtask?.Index, cause)));
    }

    private void CancelJob()
    {
        Sender.Tell(Done.Instance);
        _status = JobStatus.Cancelling;
        if (CheckpointingActive && !Config.RetainOnCancellation)
            _store.Tell(DiscardCheckpoints.Instance);
        StopSubtasks(new JobEnded(JobStatus.Cancelled, Cancelled()));
    }

    private OperationCanceledException Cancelled() => new($"Job '{_spec.JobName}' ({_jobId}) was cancelled.");

    private void StopSubtasks(IJobOutcome outcome)
    {
        _pendingOutcome = outcome;
        Timers.Cancel("scheduling");
        AbortPendingCheckpoints();
        if (_subtasks is null || _subtasks.AllStopped)
        {
            End(outcome);
            return;
        }
        foreach (var subtask in _subtasks.All)
            subtask.Tell(CancelSubtask.Instance);
        Timers.StartSingleTimer("cancellation", CancellationTimedOut.Instance, _services.CancellationTimeout);
        Become(() => Draining(restart: false));
    }

    private void End(IJobOutcome outcome)
    {
        Timers.CancelAll();
        if (outcome is JobEnded { Status: var status, Error: var error })
        {
            _status = status;
            _failure = error.Message;
        }
        RecordEvent(new JobRecordEnded(_status, _failure));
        FailSavepointRequests("The job ended before the savepoint completed.");
        _listener.Tell(outcome);
        ReleaseSubtasks();
        ReleaseSlots();
        _services.Graphs.Remove(_jobId);
        Publish();
        Become(Ended);
        // The job master lingers so clients can still ask for the final progress, then passivates.
        Timers.StartSingleTimer("passivate", Passivating.Instance, TimeSpan.FromSeconds(30));
    }

    /// <summary>A watched actor stopped where no behaviour expects it: the checkpoint store is started again; others are of replaced attempts.</summary>
    protected override void Unhandled(object message)
    {
        if (RemindSlots(message))
            return;
        // Replies nothing waits for: the directory is best effort (the next publish replaces it), and only an attempt's record is awaited.
        if (message is Akka.DistributedData.IUpdateResponse or JobRecorded)
            return;
        if (message is Cluster.RequestSlots)
        {
            Timers.Cancel("request-slots"); // the attempt moved on (failed or stopping) before the slot manager answered
            return;
        }
        if (message is Terminated terminated)
        {
            if (terminated.ActorRef.Equals(_store) && _status is not (JobStatus.Finished or JobStatus.Cancelled or JobStatus.Failed))
                OnStoreLost();
            return;
        }
        base.Unhandled(message);
    }

    /// <summary>Lets the subtasks of the current attempt stop; they are no longer watched, so their end is no failure.</summary>
    private void ReleaseSubtasks()
    {
        foreach (var subtask in _subtasks?.All ?? [])
        {
            Context.Unwatch(subtask);
            subtask.Tell(ReleaseSubtask.Instance);
        }
    }

    private sealed record SchedulingTimedOut
    {
        public static readonly SchedulingTimedOut Instance = new();
    }

    private sealed record CancellationTimedOut
    {
        public static readonly CancellationTimedOut Instance = new();
    }

    private sealed record RestartNow
    {
        public static readonly RestartNow Instance = new();
    }

    private sealed record Passivating
    {
        public static readonly Passivating Instance = new();
    }
}

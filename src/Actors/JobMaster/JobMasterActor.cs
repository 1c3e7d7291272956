using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Node;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// Runs one job, as a Cluster Sharding entity: deploys its subtasks as entities, connects them,
/// watches them finish or fail, restarts them from the latest completed checkpoint, and reports the
/// outcome. One behaviour per lifecycle state: Created -> (LoadingCheckpoints) -> Scheduling ->
/// Running (-> Finishing) -> Finished, or -> Restarting -> Scheduling, or -> Cancelling -> Cancelled | Failed.
/// Checkpoint bookkeeping is delegated to <see cref="CheckpointCoordinator"/> (see the Checkpointing part).
/// </summary>
public sealed partial class JobMasterActor : ReceiveActor, IWithTimers
{
    private readonly RuntimeServices _services;
    private readonly IActorRef _subtaskRegion;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private string _jobId = "";
    private JobGraph _graph = null!;
    private IActorRef _listener = ActorRefs.Nobody;
    private SubtaskTable _subtasks = null!;
    private JobStatus _status = JobStatus.Created;
    private long _startedAt;
    private IJobOutcome? _pendingOutcome;
    private bool _stopRequested;
    private int _attempt;
    private RestartBackoff _restarts = null!;
    private TimeSpan _restartDelay;

    /// <summary>Creates a job master that deploys subtasks through <paramref name="subtaskRegion"/>.</summary>
    public JobMasterActor(RuntimeServices services, IActorRef subtaskRegion)
    {
        _services = services;
        _subtaskRegion = subtaskRegion;
        Receive<SubmitJob>(Submit);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a job master entity.</summary>
    public static Props Props(RuntimeServices services, IActorRef subtaskRegion) =>
        Akka.Actor.Props.Create(() => new JobMasterActor(services, subtaskRegion));

    private void Submit(SubmitJob submit)
    {
        _jobId = submit.JobId;
        _listener = submit.ResultListener;
        _startedAt = _services.TimeProvider.GetTimestamp();
        if (!_services.Graphs.TryGet(submit.JobId, out _graph))
        {
            End(new JobEnded(JobStatus.Failed, new JobExecutionException(submit.JobId,
                $"Job {submit.JobId} is not registered on this node.", operatorName: null, subtaskIndex: null, cause: null)));
            return;
        }
        _restarts = new RestartBackoff(_graph.Settings.EffectiveRestartStrategy, _services.TimeProvider);
        if (CheckpointingActive || _graph.Settings.RestoreFrom is not null)
            LoadCheckpoints();
        else
            Deploy();
    }

    private void Deploy()
    {
        _subtasks = new SubtaskTable(_graph);
        _log.Info("Job {0} ({1}): scheduling {2} subtasks in {3} vertices, mode {4}, attempt {5}{6}",
            [_graph.JobName, _jobId, _graph.SubtaskCount, _graph.Vertices.Count, _graph.RuntimeMode, _attempt,
            _latest is null ? "" : $", restoring checkpoint {_latest.Pointer}"]);
        foreach (var vertex in _graph.Vertices)
        {
            for (var index = 0; index < vertex.Parallelism; index++)
            {
                var entityId = EntityIds.Subtask(_jobId, vertex.Id, index, _attempt);
                _subtaskRegion.Tell(new ShardingEnvelope(entityId, new DeploySubtask(_jobId, vertex.Id, index, _attempt, Self, _latest)));
            }
        }
        Timers.StartSingleTimer("scheduling", SchedulingTimedOut.Instance, _services.SchedulingTimeout);
        _status = JobStatus.Scheduling;
        Become(Scheduling);
    }

    private void Scheduling()
    {
        Receive<SubtaskRegistered>(registered =>
        {
            if (registered.Attempt != _attempt)
                return; // a late answer of an attempt that was restarted
            _subtasks.Register(registered);
            if (!_subtasks.AllRegistered)
                return;
            Timers.Cancel("scheduling");
            var connect = new ConnectSubtask(_subtasks.Refs());
            foreach (var subtask in _subtasks.All)
                subtask.Tell(connect);
            _status = JobStatus.Running;
            _log.Info("Job {0} ({1}) is running", _graph.JobName, _jobId);
            Become(Running);
            StartCheckpointTimer();
            if (_stopRequested)
                StopSources();
        });
        Receive<SubtaskDeployFailed>(failed => FailJob(null, null,
            new InvalidOperationException($"Subtask {failed.SubtaskIndex} of vertex {failed.VertexId} could not be deployed: {failed.Reason}")));
        Receive<SubtaskFailed>(OnSubtaskFailed);
        Receive<SchedulingTimedOut>(_ => FailJob(null, null,
            new TimeoutException($"Not every subtask was deployed within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        Receive<CancelJob>(_ => CancelJob());
        Receive<StopJob>(_ =>
        {
            _stopRequested = true; // applied once every subtask runs
            Sender.Tell(Done.Instance);
        });
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The job is not running yet."))));
        ReceiveCheckpointStored();
        ReceiveProgress();
    }

    private void Running()
    {
        Receive<SubtaskMetrics>(_subtasks.Update);
        Receive<SubtaskFinished>(finished =>
        {
            if (!_subtasks.Contains(Sender))
                return;
            _subtasks.Finish(finished.Metrics);
            if (_subtasks.AllFinished)
                Finish();
        });
        Receive<SubtaskFailed>(OnSubtaskFailed);
        Receive<StopJob>(_ =>
        {
            StopSources();
            Sender.Tell(Done.Instance);
        });
        Receive<CancelJob>(_ => CancelJob());
        ReceiveCheckpointing();
        ReceiveProgress();
    }

    private void Restarting()
    {
        Receive<SubtaskCancelled>(cancelled =>
        {
            _subtasks.Stopped(cancelled.VertexId, cancelled.SubtaskIndex);
            if (_subtasks.AllStopped)
                ScheduleRestart();
        });
        Receive<SubtaskFinished>(finished =>
        {
            _subtasks.Finish(finished.Metrics);
            if (_subtasks.AllStopped)
                ScheduleRestart();
        });
        Receive<CancellationTimedOut>(_ =>
        {
            _log.Warning("Job {0}: not every subtask confirmed cancellation in time; restarting anyway", _jobId);
            ScheduleRestart();
        });
        Receive<RestartNow>(_ =>
        {
            _attempt++;
            Deploy();
        });
        Receive<CancelJob>(_ =>
        {
            Timers.Cancel("restart");
            Sender.Tell(Done.Instance);
            End(new JobEnded(JobStatus.Cancelled, new OperationCanceledException($"Job '{_graph.JobName}' ({_jobId}) was cancelled.")));
        });
        Receive<StopJob>(_ =>
        {
            _stopRequested = true;
            Sender.Tell(Done.Instance);
        });
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The job is restarting."))));
        ReceiveCheckpointStored();
        ReceiveProgress();
        ReceiveAny(_ => { }); // metrics, acknowledgements and failures of the attempt being replaced
    }

    private void Stopping()
    {
        Receive<SubtaskCancelled>(cancelled =>
        {
            _subtasks.Stopped(cancelled.VertexId, cancelled.SubtaskIndex);
            if (_subtasks.AllStopped)
                End(_pendingOutcome!);
        });
        Receive<SubtaskFinished>(finished =>
        {
            _subtasks.Finish(finished.Metrics);
            if (_subtasks.AllStopped)
                End(_pendingOutcome!);
        });
        Receive<CancellationTimedOut>(_ =>
        {
            _log.Warning("Job {0}: not every subtask confirmed cancellation in time", _jobId);
            End(_pendingOutcome!);
        });
        Receive<StopJob>(_ => Sender.Tell(Done.Instance));
        Receive<CancelJob>(_ => Sender.Tell(Done.Instance));
        ReceiveProgress();
        ReceiveAny(_ => { }); // metrics and late failures of subtasks that are being stopped
    }

    private void Ended()
    {
        Receive<Passivating>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
        Receive<StopJob>(_ => Sender.Tell(Done.Instance));
        Receive<CancelJob>(_ => Sender.Tell(Done.Instance));
        Receive<TriggerSavepoint>(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("The job has ended."))));
        ReceiveProgress();
        ReceiveAny(_ => { });
    }

    private void StopSources()
    {
        _status = JobStatus.Finishing;
        foreach (var subtask in SourceSubtasks())
            subtask.Tell(StopSource.Instance);
    }

    private IEnumerable<IActorRef> SourceSubtasks() => _graph.Vertices.Where(v => v.IsSource).SelectMany(_subtasks.Of);

    private void ReceiveProgress() => Receive<GetJobProgress>(_ =>
    {
        var (recordsIn, recordsOut, counters) = _subtasks?.Totals() ?? (0, 0, new Dictionary<string, long>());
        Sender.Tell(new JobProgress(_status, Elapsed, recordsIn, recordsOut, counters)
        {
            CompletedCheckpoints = _completedCheckpoints,
            FailedCheckpoints = _failedCheckpoints,
            LatestCheckpoint = _latest?.Pointer,
            Restarts = _restarts?.Restarts ?? 0,
        });
    });

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
        HandleFailure(failed.OperatorName, (failed.SubtaskIndex, vertex.Parallelism), failed.Cause);
    }

    /// <summary>Restarts from the latest completed checkpoint if the restart strategy allows, else fails the job.</summary>
    private void HandleFailure(string? operatorName, (int Index, int Parallelism)? subtask, Exception cause)
    {
        if (_status is JobStatus.Restarting or JobStatus.Cancelling or JobStatus.Failed)
            return;
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
        AbortPendingCheckpoints();
        Timers.Cancel("scheduling");
        foreach (var running in _subtasks.All)
            running.Tell(CancelSubtask.Instance);
        Timers.StartSingleTimer("cancellation", CancellationTimedOut.Instance, _services.CancellationTimeout);
        Become(Restarting);
        if (!_subtasks.All.Any())
            ScheduleRestart();
    }

    private void ScheduleRestart()
    {
        Timers.Cancel("cancellation");
        foreach (var subtask in _subtasks.All)
            subtask.Tell(ReleaseSubtask.Instance);
        Timers.StartSingleTimer("restart", RestartNow.Instance, _restartDelay);
    }

    private static string Where(string? operatorName, (int Index, int Parallelism)? subtask) =>
        operatorName is null ? "" : $" in operator '{operatorName}'" + (subtask is { } s ? $" (subtask {s.Index + 1}/{s.Parallelism})" : "");

    private void FailJob(string? operatorName, (int Index, int Parallelism)? subtask, Exception cause)
    {
        var restarts = _restarts is { Restarts: > 0 } r ? $" after {r.Restarts} restart(s)" : "";
        var message = $"Job '{_graph?.JobName}' ({_jobId}) failed{Where(operatorName, subtask)}{restarts}: {cause.GetType().Name}: {cause.Message}";
        _log.Error(cause, message);
        _status = JobStatus.Failed;
        StopSubtasks(new JobEnded(JobStatus.Failed, new JobExecutionException(_jobId, message, operatorName, subtask?.Index, cause)));
    }

    private void CancelJob()
    {
        Sender.Tell(Done.Instance);
        _status = JobStatus.Cancelling;
        if (CheckpointingActive && !Config.RetainOnCancellation)
            _store.Tell(DiscardCheckpoints.Instance);
        StopSubtasks(new JobEnded(JobStatus.Cancelled, new OperationCanceledException($"Job '{_graph.JobName}' ({_jobId}) was cancelled.")));
    }

    private void StopSubtasks(IJobOutcome outcome)
    {
        _pendingOutcome = outcome;
        Timers.Cancel("scheduling");
        AbortPendingCheckpoints();
        if (_subtasks is null || !_subtasks.All.Any())
        {
            End(outcome);
            return;
        }
        foreach (var subtask in _subtasks.All)
            subtask.Tell(CancelSubtask.Instance);
        Timers.StartSingleTimer("cancellation", CancellationTimedOut.Instance, _services.CancellationTimeout);
        Become(Stopping);
    }

    private void End(IJobOutcome outcome)
    {
        Timers.CancelAll();
        if (outcome is JobEnded { Status: var status })
            _status = status;
        FailSavepointRequests("The job ended before the savepoint completed.");
        _listener.Tell(outcome);
        foreach (var subtask in _subtasks?.All ?? [])
            subtask.Tell(ReleaseSubtask.Instance);
        _services.Graphs.Remove(_jobId);
        Become(Ended);
        // The job master lingers so clients can still ask for the final progress, then passivates.
        Timers.StartSingleTimer("passivate", Passivating.Instance, TimeSpan.FromSeconds(30));
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

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
/// watches them finish or fail, and reports the outcome. One behaviour per lifecycle state:
/// Created -> Scheduling -> Running (-> Finishing) -> Finished, or -> Cancelling -> Cancelled | Failed.
/// </summary>
public sealed class JobMasterActor : ReceiveActor, IWithTimers
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
            End(new JobEnded(JobStatus.Failed, new InvalidOperationException($"Job {submit.JobId} is not registered on this node.")));
            return;
        }
        _subtasks = new SubtaskTable(_graph);
        _log.Info("Job {0} ({1}): scheduling {2} subtasks in {3} vertices, mode {4}",
            _graph.JobName, _jobId, _graph.SubtaskCount, _graph.Vertices.Count, _graph.RuntimeMode);
        foreach (var vertex in _graph.Vertices)
        {
            for (var index = 0; index < vertex.Parallelism; index++)
            {
                var entityId = EntityIds.Subtask(_jobId, vertex.Id, index, attempt: 0);
                _subtaskRegion.Tell(new ShardingEnvelope(entityId, new DeploySubtask(_jobId, vertex.Id, index, 0, Self)));
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
            if (_stopRequested)
                StopSources();
        });
        Receive<SubtaskDeployFailed>(failed => FailJob(null, null,
            new InvalidOperationException($"Subtask {failed.SubtaskIndex} of vertex {failed.VertexId} could not be deployed: {failed.Reason}")));
        Receive<SchedulingTimedOut>(_ => FailJob(null, null,
            new TimeoutException($"Not every subtask was deployed within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        Receive<CancelJob>(_ => CancelJob());
        Receive<StopJob>(_ =>
        {
            _stopRequested = true; // applied once every subtask runs
            Sender.Tell(Done.Instance);
        });
        ReceiveProgress();
    }

    private void Running()
    {
        Receive<SubtaskMetrics>(_subtasks.Update);
        Receive<SubtaskFinished>(finished =>
        {
            _subtasks.Finish(finished.Metrics);
            if (_subtasks.AllFinished)
                Finish();
        });
        Receive<SubtaskFailed>(failed =>
        {
            var vertex = _graph.Vertex(failed.VertexId);
            FailJob(failed.OperatorName, (failed.SubtaskIndex, vertex.Parallelism), failed.Cause);
        });
        Receive<StopJob>(_ =>
        {
            StopSources();
            Sender.Tell(Done.Instance);
        });
        Receive<CancelJob>(_ => CancelJob());
        ReceiveProgress();
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
        ReceiveProgress();
        ReceiveAny(_ => { });
    }

    private void StopSources()
    {
        _status = JobStatus.Finishing;
        foreach (var source in _graph.Vertices.Where(v => v.IsSource))
        {
            foreach (var subtask in _subtasks.Of(source))
                subtask.Tell(StopSource.Instance);
        }
    }

    private void ReceiveProgress() => Receive<GetJobProgress>(_ =>
    {
        var (recordsIn, recordsOut, counters) = _subtasks?.Totals() ?? (0, 0, new Dictionary<string, long>());
        Sender.Tell(new JobProgress(_status, Elapsed, recordsIn, recordsOut, counters));
    });

    private TimeSpan Elapsed => _services.TimeProvider.GetElapsedTime(_startedAt);

    private void Finish()
    {
        var (_, _, counters) = _subtasks.Totals();
        _status = JobStatus.Finished;
        _log.Info("Job {0} ({1}) finished in {2:0.000} s", _graph.JobName, _jobId, Elapsed.TotalSeconds);
        End(new JobSucceeded(new JobExecutionResult(_jobId, _graph.JobName, Elapsed, counters)));
    }

    private void FailJob(string? operatorName, (int Index, int Parallelism)? subtask, Exception cause)
    {
        var where = operatorName is null ? "" : $" in operator '{operatorName}'" +
            (subtask is { } s ? $" (subtask {s.Index + 1}/{s.Parallelism})" : "");
        var message = $"Job '{_graph?.JobName}' ({_jobId}) failed{where}: {cause.GetType().Name}: {cause.Message}";
        _log.Error(cause, message);
        _status = JobStatus.Failed;
        StopSubtasks(new JobEnded(JobStatus.Failed, new JobExecutionException(_jobId, message, operatorName, subtask?.Index, cause)));
    }

    private void CancelJob()
    {
        Sender.Tell(Done.Instance);
        _status = JobStatus.Cancelling;
        StopSubtasks(new JobEnded(JobStatus.Cancelled, new OperationCanceledException($"Job '{_graph.JobName}' ({_jobId}) was cancelled.")));
    }

    private void StopSubtasks(IJobOutcome outcome)
    {
        _pendingOutcome = outcome;
        Timers.Cancel("scheduling");
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

    private sealed record Passivating
    {
        public static readonly Passivating Instance = new();
    }
}

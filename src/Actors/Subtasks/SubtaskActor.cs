using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Node;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// One parallel instance of a job vertex, as a Cluster Sharding entity: its lifecycle. Deployed, it
/// resolves its job's graph and restores its state; connected, it runs (<see cref="RunningSubtask"/>
/// holds the chain and the processing loop) until its input ends, it fails, is cancelled or released,
/// or its job master is gone. Control messages (credits, timers, stop, checkpoint triggers) are
/// handled between batches. Checkpoint barriers travel in band: with several input channels the
/// subtask aligns them (exactly-once) before it snapshots and forwards the barrier.
/// </summary>
public sealed class SubtaskActor : ReceiveActor, IWithStash, IWithTimers, ISubtaskHost
{
    private readonly RuntimeServices _services;
    private readonly MessageParts _parts;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CounterGroup _counters = new();
    private DeploySubtask _deployment = null!;
    private JobGraph _graph = null!;
    private JobVertex _vertex = null!;
    private readonly CancellationTokenSource _stopping = new();
    private SubtaskRestorer _restorer = null!;
    private bool _checkpointing;
    private RunningSubtask? _running; // from connect on

    /// <summary>Creates a subtask that finds its job graph through <paramref name="services"/>.</summary>
    public SubtaskActor(RuntimeServices services)
    {
        _services = services;
        _parts = new MessageParts(Context.System, services.RemoteMessageBytes);
        var assembler = new MessageAssembler(Context.System);
        Receive<DeploySubtask>(Deploy);
        Receive<MessagePart>(part =>
        {
            if (assembler.Add(part) is DeploySubtask deploy)
                Deploy(deploy);
        });
        ReceiveAny(_ => Stash.Stash());
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a subtask entity.</summary>
    public static Props Props(RuntimeServices services) => Akka.Actor.Props.Create(() => new SubtaskActor(services));

    private string Describe => $"{_vertex.Name} ({_deployment.SubtaskIndex + 1}/{_vertex.Parallelism})";

    private void Deploy(DeploySubtask deploy)
    {
        _deployment = deploy;
        try
        {
            _graph = _services.Graphs.Resolve(deploy.JobId, deploy.Spec);
        }
        catch (JobDeploymentException e)
        {
            deploy.JobMaster.Tell(new SubtaskDeployFailed(deploy.VertexId, deploy.SubtaskIndex, e.Message));
            Release();
            return;
        }
        // A subtask without its job master would run on unsupervised: when the master is gone, so is the subtask.
        Context.Watch(deploy.JobMaster);
        _vertex = _graph.Vertex(deploy.VertexId);
        _checkpointing = _services.CheckpointingOf(_graph) is not null;
        _restorer = new SubtaskRestorer(deploy.Restore, _vertex, deploy.SubtaskIndex);
        if (_restorer.Outstanding == 0)
        {
            Register();
            return;
        }
        // Straight from the store (KeyGroupStoreReader retries while it is down), not through the key-group entities.
        Context.ActorOf(KeyGroupStoreReader.Props(_restorer.EntityIds, _restorer.CheckpointId!.Value, Self), RestoreReader);
        Timers.StartSingleTimer("restore", SubtaskTicks.RestoreTimedOut.Instance, _services.SchedulingTimeout);
        Become(Restoring);
    }

    private const string RestoreReader = "restore";

    /// <summary>Waits for the state of every key group this subtask owns, as of the restored checkpoint.</summary>
    private void Restoring()
    {
        Receive<KeyGroupStateRead>(read =>
        {
            if (!_restorer.OnRead(read))
                return;
            Timers.Cancel("restore");
            Register();
        });
        Receive<SubtaskTicks.RestoreTimedOut>(_ =>
        {
            Context.Child(RestoreReader).Tell(PoisonPill.Instance);
            _deployment.JobMaster.Tell(new SubtaskDeployFailed(_deployment.VertexId, _deployment.SubtaskIndex,
                $"{_restorer.Outstanding} key groups of checkpoint {_restorer.CheckpointId} could not be read from the state store in time",
                Retriable: true));
            Become(Failed);
        });
        ReceiveCancelOrRelease();
    }

    private void Register()
    {
        _deployment.JobMaster.Tell(new SubtaskRegistered(_deployment.VertexId, _deployment.SubtaskIndex, _deployment.Attempt, Self));
        Become(AwaitingConnect);
        Stash.UnstashAll();
    }

    private void AwaitingConnect()
    {
        Receive<ConnectSubtask>(Connect);
        ReceiveCancelOrRelease();
    }

    /// <summary>Before running: a cancel, a release or the job master's end stops the subtask; anything else waits.</summary>
    private void ReceiveCancelOrRelease()
    {
        Receive<CancelSubtask>(_ => Cancel());
        Receive<ReleaseSubtask>(_ => Release());
        ReceiveJobMasterLoss();
        ReceiveAny(_ => Stash.Stash());
    }

    /// <summary>The job master stopped (its node died, or it ended): this attempt is over.</summary>
    private void ReceiveJobMasterLoss() => Receive<Terminated>(terminated =>
    {
        if (!terminated.ActorRef.Equals(_deployment.JobMaster))
            return;
        _stopping.Cancel();
        Timers.CancelAll();
        _running?.CloseOperators();
        Release();
    });

    private void Connect(ConnectSubtask connect)
    {
        Become(Running);
        Stash.UnstashAll();
        Guarded(() =>
        {
            _running = new RunningSubtask(this, _services, _deployment, _graph, _checkpointing, connect.Subtasks, _counters, _parts);
            Timers.StartPeriodicTimer("metrics", SubtaskTicks.ReportMetrics.Instance, _services.MetricsInterval);
            _running.Start(_restorer);
        });
    }

    /// <summary>Running: the messages of the data path go to the running subtask; its exceptions fail the subtask.</summary>
    private void Running()
    {
        Receive<DataBatch>(message => Guarded(() => _running!.OnChannelMessage(message)));
        Receive<ChannelWatermark>(message => Guarded(() => _running!.OnChannelMessage(message)));
        Receive<EndOfPartition>(message => Guarded(() => _running!.OnChannelMessage(message)));
        Receive<ChannelWatermarkStatus>(message => Guarded(() => _running!.OnChannelMessage(message)));
        Receive<ChannelBarrier>(message => Guarded(() => _running!.OnChannelMessage(message)));
        Receive<TriggerCheckpoint>(trigger => Guarded(() => _running!.OnTrigger(trigger)));
        Receive<KeyGroupStateWritten>(written => Guarded(() => _running!.OnWritten(written)));
        Receive<SubtaskTicks.ResendWrites>(_ => Guarded(_running!.ResendWrites));
        Receive<KeyGroupStateWriteFailed>(failed => _running!.DeclineWrites(failed.CheckpointId,
            $"the state store could not write key group {failed.EntityId}: {failed.Reason}"));
        Receive<SubtaskTicks.WritesTimedOut>(timedOut => _running!.DeclineWrites(timedOut.CheckpointId,
            $"the state store did not confirm the key-group writes within {_services.StateWriteTimeout.TotalSeconds:0.#} s"));
        Receive<NotifyCheckpointComplete>(complete => Guarded(() => _running!.OnComplete(complete)));
        Receive<NotifyCheckpointAborted>(aborted => Guarded(() => _running!.OnAborted(aborted)));
        Receive<FinishSource>(_ => Guarded(_running!.FinishSource));
        Receive<StopSource>(_ => Guarded(_running!.StopSource));
        Receive<Credit>(credit => Guarded(() => _running!.OnCredit(credit)));
        Receive<SubtaskTicks.ContinueProcessing>(_ => Guarded(_running!.ContinueProcessing));
        Receive<SubtaskTicks.PollSource>(_ => Guarded(_running!.PollTick));
        Receive<SubtaskTicks.SourceAvailable>(_ => Guarded(_running!.SourceAvailable));
        Receive<Status.Failure>(failure => Fail(new OperatorException(_vertex.Head.Name, failure.Cause)));
        Receive<SubtaskTicks.FlushTimeout>(_ => Guarded(_running!.FlushTimeout));
        Receive<SubtaskTicks.EmitWatermark>(_ => Guarded(_running!.EmitWatermark));
        Receive<SubtaskTicks.ReportSourceWatermark>(_ => Guarded(_running!.ReportSourceWatermark));
        Receive<AlignSourceWatermarks>(align => Guarded(() => _running!.AlignSourceWatermarks(align)));
        Receive<SubtaskTicks.ProcessingTime>(_ => Guarded(_running!.ProcessingTimeTick));
        Receive<SubtaskTicks.RunMailbox>(_ => Guarded(_running!.RunMailbox));
        Receive<SubtaskTicks.ReportMetrics>(_ =>
        {
            var metrics = Metrics();
            _services.Metrics?.Report(_deployment.JobId, _graph.JobName, _vertex.Name, metrics);
            _deployment.JobMaster.Tell(metrics);
        });
        Receive<CancelSubtask>(_ => Cancel());
        ReceiveJobMasterLoss();
    }

    IActorRef ISubtaskHost.Self => Self;

    CancellationToken ISubtaskHost.Stopping => _stopping.Token;

    void ISubtaskHost.ToJobMaster(object message) => _deployment.JobMaster.Tell(message);

    void ISubtaskHost.Finished()
    {
        Timers.CancelAll();
        _deployment.JobMaster.Tell(new SubtaskFinished(Metrics()));
        Become(Finished);
    }

    void ISubtaskHost.CloseFailed(string operatorName, Exception error) =>
        _log.Warning("Closing operator '{0}' of {1} failed: {2}", operatorName, Describe, error.Message);

    private void Finished()
    {
        Receive<ReleaseSubtask>(_ => Release());
        ReceiveJobMasterLoss();
        Receive<CancelSubtask>(_ => _deployment.JobMaster.Tell(new SubtaskCancelled(_deployment.VertexId, _deployment.SubtaskIndex)));
        ReceiveAny(_ => { }); // late credits and ticks of a finished subtask
    }

    private void Failed()
    {
        Receive<CancelSubtask>(_ => _deployment.JobMaster.Tell(new SubtaskCancelled(_deployment.VertexId, _deployment.SubtaskIndex)));
        Receive<ReleaseSubtask>(_ => Release());
        ReceiveJobMasterLoss();
        ReceiveAny(_ => { }); // data in flight to a failed or cancelled subtask is discarded
    }

    private void Released() => ReceiveAny(_ => { });

    private void Cancel()
    {
        _stopping.Cancel();
        Timers.CancelAll();
        _running?.CloseOperators();
        _deployment.JobMaster.Tell(new SubtaskCancelled(_deployment.VertexId, _deployment.SubtaskIndex));
        Become(Failed);
    }

    private void Release()
    {
        Become(Released);
        Context.Parent.Tell(new Passivate(PoisonPill.Instance));
    }

    private void Fail(Exception error)
    {
        _stopping.Cancel();
        Timers.CancelAll();
        var operatorName = error is OperatorException op ? op.OperatorName : _vertex.Name;
        var cause = error is OperatorException ? error.InnerException! : error;
        _log.Error(cause, "Subtask {0} failed in operator '{1}'", Describe, operatorName);
        _running?.CloseOperators();
        _deployment.JobMaster.Tell(new SubtaskFailed(_deployment.VertexId, _deployment.SubtaskIndex, operatorName, cause));
        Become(Failed);
    }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private SubtaskMetrics Metrics()
    {
        var counts = new SubtaskMetrics(_deployment.VertexId, _deployment.SubtaskIndex, _running?.RecordsIn ?? 0, _running?.RecordsOut ?? 0,
            _counters.Snapshot());
        return _running?.Metrics(counts) ?? counts;
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_deployment is not null)
            _services.Metrics?.Remove(_deployment.JobId, _deployment.VertexId, _deployment.SubtaskIndex);
        _stopping.Cancel();
        _stopping.Dispose();
        base.PostStop();
    }
}

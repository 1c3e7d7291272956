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
/// One parallel instance of a job vertex, as a Cluster Sharding entity. It runs its operator
/// chain on batches from its input gate (or by polling its source), but only while every output
/// channel has room: without credits it stops taking input, which is how backpressure travels
/// upstream to the sources. Control messages (credits, timers, stop, checkpoint triggers) are
/// handled between batches. Checkpoint barriers travel in band: with several input channels the
/// subtask aligns them (exactly-once) before it snapshots and forwards the barrier.
/// </summary>
public sealed class SubtaskActor : ReceiveActor, IWithStash, IWithTimers
{
    private const int BatchesPerTurn = 16;
    private readonly RuntimeServices _services;
    private readonly MessageParts _parts;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CounterGroup _counters = new();
    private DeploySubtask _deployment = null!;
    private JobGraph _graph = null!;
    private JobVertex _vertex = null!;
    private OperatorChain _chain = null!;
    private InputGate _gate = null!;
    private int _endedChannels;
    private bool _continueScheduled;
    private bool _pollScheduled;
    private bool _waitingForSource;
    private bool _flushScheduled;
    private bool _inputEnded;
    private bool _operatorsClosed;
    private ActorProcessingTimeService _processingTime = null!;
    private readonly CancellationTokenSource _stopping = new();
    private SubtaskRestorer _restorer = null!;
    private SubtaskCheckpointer _checkpointer = null!;
    private BarrierAligner _aligner = null!;
    private bool _checkpointing;
    private bool _sourceHalted; // no more polling: input read (waiting for the final checkpoint) or stopped with a savepoint

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
        if (_chain is not null)
            CloseOperators();
        Release();
    });

    private void Connect(ConnectSubtask connect)
    {
        Become(Running);
        Stash.UnstashAll();
        Guarded(() =>
        {
            _processingTime = new ActorProcessingTimeService(_services.TimeProvider,
                delay => Timers.StartSingleTimer("processing-time", SubtaskTicks.ProcessingTime.Instance, delay));
            _chain = OperatorChain.Create(_graph, _vertex, _deployment.SubtaskIndex, connect.Subtasks, _counters,
                _services.TimeProvider, _processingTime, _checkpointing, _services.RemoteMessageBytes);
            var inputs = ChannelLayout.InputsOf(_vertex, _deployment.SubtaskIndex)
                .Select(c => (connect.Subtasks[c.Sender.Id][c.SenderIndex], c.SenderOutputEdge, c.SenderChannel, c.InputIndex))
                .ToList();
            _gate = new InputGate(inputs);
            _restorer.Apply(_chain.Operators);
            _checkpointer = new SubtaskCheckpointer([.. _chain.Operators], _graph.JobName, _deployment.VertexId,
                _deployment.SubtaskIndex, _services.KeyGroupRegion, Self, _parts);
            if (_restorer.CheckpointId is { } restored)
                _checkpointer.Restored(restored);
            _checkpointer.MarkAllDirty(); // the first checkpoint of every run is a full one
            _aligner = new BarrierAligner(_gate.ChannelCount, _services.CheckpointingOf(_graph)?.Mode ?? CheckpointingMode.ExactlyOnce);
            foreach (var (node, op) in _chain.Operators)
                OperatorException.Guard(node.Name, op.Open);
            _gate.GrantInitialCredits(_graph.Settings.CreditsPerChannel);
            Timers.StartPeriodicTimer("metrics", SubtaskTicks.ReportMetrics.Instance, _services.MetricsInterval);
            if (_checkpointing)
                Timers.StartPeriodicTimer("resend-writes", SubtaskTicks.ResendWrites.Instance, WriteResendInterval);
            if (_chain.Source is { } source)
            {
                if (source.EmitsWatermarks && _graph.Settings.AutoWatermarkInterval > TimeSpan.Zero)
                    Timers.StartPeriodicTimer("watermark", SubtaskTicks.EmitWatermark.Instance, _graph.Settings.AutoWatermarkInterval);
                SchedulePoll();
            }
            else if (_gate.ChannelCount == 0)
            {
                EndInput(); // an operator without inputs has nothing to wait for
            }
        });
    }

    private void Running()
    {
        Receive<DataBatch>(OnChannelMessage);
        Receive<ChannelWatermark>(OnChannelMessage);
        Receive<EndOfPartition>(OnChannelMessage);
        Receive<ChannelWatermarkStatus>(OnChannelMessage);
        Receive<ChannelBarrier>(OnChannelMessage);
        Receive<TriggerCheckpoint>(trigger => Guarded(() =>
        {
            if (_chain.Source is null || _inputEnded)
                return;
            PerformCheckpoint(trigger.Barrier);
            if (trigger.SuspendAfter)
                _sourceHalted = true; // stop with savepoint: nothing after the barrier; the job master stops the job
        }));
        Receive<KeyGroupStateWritten>(written =>
        {
            if (_checkpointer.OnWritten(written) is { } ack)
            {
                Timers.Cancel(WriteTimer(written.CheckpointId));
                Acknowledge(ack);
            }
        });
        Receive<SubtaskTicks.ResendWrites>(_ => _checkpointer.ResendUnconfirmed(WriteResendInterval));
        Receive<KeyGroupStateWriteFailed>(failed => DeclineWrites(failed.CheckpointId,
            $"the state store could not write key group {failed.EntityId}: {failed.Reason}"));
        Receive<SubtaskTicks.WritesTimedOut>(timedOut => DeclineWrites(timedOut.CheckpointId,
            $"the state store did not confirm the key-group writes within {_services.StateWriteTimeout.TotalSeconds:0.#} s"));
        Receive<NotifyCheckpointComplete>(complete => Guarded(() => _checkpointer.Complete(complete.CheckpointId)));
        Receive<NotifyCheckpointAborted>(aborted => Guarded(() =>
        {
            _checkpointer.Abort(aborted.CheckpointId);
            if (_aligner.Abort(aborted.CheckpointId))
            {
                _gate.UnblockAll();
                ProcessInput();
            }
        }));
        Receive<FinishSource>(_ => Guarded(() =>
        {
            if (_chain.Source is not null && !_inputEnded)
                EndInput();
        }));
        Receive<Credit>(credit => Guarded(() =>
        {
            _chain.Writers[credit.OutputEdge].AddCredit(credit.OutputChannel, credit.Amount);
            Resume();
        }));
        Receive<SubtaskTicks.ContinueProcessing>(_ =>
        {
            _continueScheduled = false;
            Guarded(ProcessInput);
        });
        Receive<SubtaskTicks.PollSource>(_ =>
        {
            _pollScheduled = false;
            Guarded(PollSource);
        });
        Receive<SourceAvailable>(_ =>
        {
            _waitingForSource = false;
            Guarded(PollSource);
        });
        Receive<Status.Failure>(failure => Fail(new OperatorException(_vertex.Head.Name, failure.Cause)));
        Receive<SubtaskTicks.FlushTimeout>(_ =>
        {
            _flushScheduled = false;
            Guarded(FlushAll);
        });
        Receive<SubtaskTicks.EmitWatermark>(_ => Guarded(() => _chain.Source?.EmitPeriodicWatermark()));
        Receive<SubtaskTicks.ProcessingTime>(_ => Guarded(() =>
        {
            _processingTime.FireDue();
            ScheduleFlush();
        }));
        Receive<SubtaskTicks.ReportMetrics>(_ => _deployment.JobMaster.Tell(Metrics()));
        Receive<StopSource>(_ => Guarded(() =>
        {
            if (_chain.Source is not null && !_inputEnded)
                EndOfSource();
        }));
        Receive<CancelSubtask>(_ => Cancel());
        ReceiveJobMasterLoss();
    }

    private void OnChannelMessage(IChannelMessage message)
    {
        _gate.Enqueue(message);
        Guarded(ProcessInput);
    }

    /// <summary>Works through queued input while outputs have room, a bounded number of batches per turn.</summary>
    private void ProcessInput()
    {
        var budget = BatchesPerTurn;
        while (budget > 0 && !_inputEnded && OutputsAvailable() && _gate.TryDequeue(out var message))
        {
            switch (message)
            {
                case DataBatch data:
                    _chain.Inputs[_gate.InputOf(data.Channel).Input].Process(data.Batch);
                    _gate.ReturnCredit(data.Channel);
                    budget--;
                    break;
                case ChannelWatermark watermark:
                {
                    var (input, local) = _gate.InputOf(watermark.Channel);
                    OnValve(input, valve => valve.OnWatermark(local, watermark.Watermark));
                    break;
                }
                case ChannelWatermarkStatus status:
                {
                    var (input, local) = _gate.InputOf(status.Channel);
                    OnValve(input, valve => valve.OnStatus(local, status.Idle));
                    break;
                }
                case ChannelBarrier barrier:
                    OnBarrier(barrier);
                    break;
                case EndOfPartition end:
                {
                    var (input, local) = _gate.InputOf(end.Channel);
                    OnValve(input, valve => valve.OnChannelEnded(local));
                    if (_aligner.OnChannelEnded(end.Channel) is { } aligned)
                        CompleteAlignment(aligned);
                    if (++_endedChannels == _gate.ChannelCount)
                        EndInput();
                    break;
                }
            }
        }
        if (budget == 0 && _gate.HasQueued && !_continueScheduled)
        {
            _continueScheduled = true;
            Self.Tell(SubtaskTicks.ContinueProcessing.Instance);
        }
        ScheduleFlush();
    }

    /// <summary>Exactly-once: a channel that delivered the barrier waits until all have; then the checkpoint is taken.</summary>
    private void OnBarrier(ChannelBarrier message)
    {
        var step = _aligner.OnBarrier(message.Channel, message.Barrier);
        if (step.Aborted is { } aborted)
        {
            _deployment.JobMaster.Tell(new DeclineCheckpoint(_deployment.VertexId, _deployment.SubtaskIndex, aborted,
                $"barrier {message.Barrier.Id} arrived before barrier {aborted} was aligned"));
            _gate.UnblockAll();
        }
        if (step.Block)
            _gate.Block(message.Channel);
        if (step.Complete is { } barrier)
            CompleteAlignment(barrier);
    }

    private void CompleteAlignment(CheckpointBarrier barrier)
    {
        PerformCheckpoint(barrier);
        _gate.UnblockAll();
    }

    /// <summary>Snapshots the chain at the barrier and forwards it on every output channel, after the records before it.</summary>
    private void PerformCheckpoint(CheckpointBarrier barrier)
    {
        var ack = _checkpointer.Snapshot(barrier);
        foreach (var writer in _chain.Writers)
            writer.BroadcastBarrier(barrier);
        if (ack is not null)
        {
            Acknowledge(ack);
            return;
        }
        Timers.StartSingleTimer(WriteTimer(barrier.Id), new SubtaskTicks.WritesTimedOut(barrier.Id), _services.StateWriteTimeout);
    }

    /// <summary>
    /// How long a key-group write may stay unconfirmed before it is sent again: longer than a write
    /// to a busy store takes, shorter than the state write timeout.
    /// </summary>
    private static readonly TimeSpan WriteResendInterval = TimeSpan.FromSeconds(5);

    private void Acknowledge(AcknowledgeCheckpoint ack) =>
        _parts.Send(ack, message => _deployment.JobMaster.Tell(message), ack.State.OperatorStates.Values.Sum(s => (long)s.Length));

    /// <summary>A state-store failure fails the checkpoint at once (the job master decides whether the job restarts).</summary>
    private void DeclineWrites(long checkpointId, string reason)
    {
        Timers.Cancel(WriteTimer(checkpointId));
        if (_checkpointer.Fail(checkpointId))
            _deployment.JobMaster.Tell(new DeclineCheckpoint(_deployment.VertexId, _deployment.SubtaskIndex, checkpointId, reason));
    }

    private static string WriteTimer(long checkpointId) => $"writes-{checkpointId}";

    /// <summary>
    /// The source read all its input. With checkpointing it emits its final watermark and waits: a
    /// final checkpoint must commit all output before the operators end (Flink's final checkpoint).
    /// </summary>
    private void EndOfSource()
    {
        if (!_checkpointing)
        {
            EndInput();
            return;
        }
        if (_sourceHalted)
            return;
        _sourceHalted = true;
        OperatorException.Guard(_vertex.Head.Name, _chain.Source!.EmitFinalWatermark);
        _deployment.JobMaster.Tell(new SourceExhausted(_deployment.VertexId, _deployment.SubtaskIndex));
        ScheduleFlush();
    }

    /// <summary>Applies a channel event to an input's valve and passes on what changed: idleness, then event time.</summary>
    private void OnValve(int input, Func<WatermarkValve, long?> apply)
    {
        var valve = _gate.Valves[input];
        var wasIdle = valve.IsIdle;
        var advanced = apply(valve);
        if (valve.IsIdle != wasIdle)
            _chain.Inputs[input].ProcessWatermarkStatus(valve.IsIdle);
        if (advanced is { } watermark)
            _chain.Inputs[input].ProcessWatermark(watermark);
    }

    /// <summary>Polls the source while outputs have room, then yields so control messages get their turn.</summary>
    private void PollSource()
    {
        var source = _chain.Source!;
        for (var polls = 0; polls < _graph.Settings.BatchSize; polls++)
        {
            if (_inputEnded || _sourceHalted || _waitingForSource || !OutputsAvailable())
            {
                ScheduleFlush();
                return; // a credit resumes polling
            }
            switch (EmitNext(source))
            {
                case InputStatus.NothingAvailable:
                    _waitingForSource = true;
                    source.WaitForAvailabilityAsync(_stopping.Token)
                        .PipeTo(Self, success: () => SourceAvailable.Instance);
                    ScheduleFlush();
                    return;
                case InputStatus.EndOfInput:
                    EndOfSource();
                    return;
            }
        }
        SchedulePoll();
        ScheduleFlush();
    }

    /// <summary>Polls the source; its own exceptions are attributed to it, chained operators' to them.</summary>
    private InputStatus EmitNext(ISourceOperator source)
    {
        try
        {
            return source.EmitNext();
        }
        catch (Exception ex) when (ex is not OperatorException)
        {
            throw new OperatorException(_vertex.Head.Name, ex);
        }
    }

    /// <summary>After a credit: continue whatever was paused for lack of room.</summary>
    private void Resume()
    {
        if (_inputEnded)
        {
            TryCompleteFinish();
            return;
        }
        if (!OutputsAvailable())
            return;
        if (_chain.Source is not null && !_sourceHalted)
            SchedulePoll();
        else if (_gate.HasQueued)
            ProcessInput();
    }

    private void EndInput()
    {
        _inputEnded = true;
        foreach (var (node, op) in _chain.Operators)
            OperatorException.Guard(node.Name, op.EndInput);
        foreach (var writer in _chain.Writers)
            writer.EndOfPartition();
        CloseOperators();
        TryCompleteFinish();
    }

    /// <summary>The subtask is finished once its end-of-partition events have left every output channel.</summary>
    private void TryCompleteFinish()
    {
        if (!OutputsAvailable())
            return;
        Timers.CancelAll();
        _deployment.JobMaster.Tell(new SubtaskFinished(Metrics()));
        Become(Finished);
    }

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
        if (_chain is not null)
            CloseOperators();
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
        if (_chain is not null)
            CloseOperators();
        _deployment.JobMaster.Tell(new SubtaskFailed(_deployment.VertexId, _deployment.SubtaskIndex, operatorName, cause));
        Become(Failed);
    }

    private void CloseOperators()
    {
        if (_operatorsClosed)
            return;
        _operatorsClosed = true;
        foreach (var (node, op) in _chain.Operators)
        {
            try
            {
                op.Close();
            }
            catch (Exception ex)
            {
                _log.Warning("Closing operator '{0}' of {1} failed: {2}", node.Name, Describe, ex.Message);
            }
        }
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

    private bool OutputsAvailable()
    {
        foreach (var writer in _chain.Writers)
        {
            if (!writer.IsAvailable)
                return false;
        }
        return true;
    }

    private bool HasBufferedRecords()
    {
        foreach (var writer in _chain.Writers)
        {
            if (writer.HasBufferedRecords)
                return true;
        }
        return false;
    }

    private void FlushAll()
    {
        foreach (var writer in _chain.Writers)
            writer.FlushAll();
    }

    private void ScheduleFlush()
    {
        if (_flushScheduled || _inputEnded || !HasBufferedRecords())
            return;
        _flushScheduled = true;
        Timers.StartSingleTimer("flush", SubtaskTicks.FlushTimeout.Instance, _graph.Settings.BatchTimeout);
    }

    private void SchedulePoll()
    {
        if (_pollScheduled || _waitingForSource)
            return;
        _pollScheduled = true;
        Self.Tell(SubtaskTicks.PollSource.Instance);
    }

    private SubtaskMetrics Metrics() => new(_deployment.VertexId, _deployment.SubtaskIndex,
        _chain?.RecordsIn ?? 0, _chain?.RecordsOut ?? 0, _counters.Snapshot());

    /// <inheritdoc />
    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        base.PostStop();
    }

    /// <summary>The source has input again (piped to the subtask itself: never leaves it, so never serialized).</summary>
    private sealed record SourceAvailable : INoSerializationVerificationNeeded
    {
        public static readonly SourceAvailable Instance = new();
    }
}

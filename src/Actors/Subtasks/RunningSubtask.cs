using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Exchange;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Node;
using ActorStream.Actors.State;
using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using Akka.Actor;

namespace ActorStream.Actors.Subtasks;

/// <summary>What a running subtask needs from its actor: its ref, its timers, its job master and its end.</summary>
internal interface ISubtaskHost
{
    /// <summary>The subtask actor (control messages to itself, the source's availability).</summary>
    IActorRef Self { get; }

    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>Cancelled when the subtask stops (a source waiting for input gives up).</summary>
    CancellationToken Stopping { get; }

    /// <summary>Tells the job master.</summary>
    void ToJobMaster(object message);

    /// <summary>Every end-of-partition left the outputs: the subtask is finished.</summary>
    void Finished();

    /// <summary>An operator failed to close (the subtask is ending anyway).</summary>
    void CloseFailed(string operatorName, Exception error);
}

/// <summary>
/// A subtask while it runs, built when it connects: its operator chain, input gate, barrier aligner
/// and checkpointer, and the loop that feeds batches from the gate (or polls of its source) through
/// the chain, but only while every output channel has room: without credits it stops taking input,
/// which is how backpressure travels upstream to the sources. The actor hands it its running
/// messages one at a time, between batches; exceptions are the actor's to handle.
/// </summary>
internal sealed class RunningSubtask
{
    private const int BatchesPerTurn = 16;

    /// <summary>
    /// How long a key-group write may stay unconfirmed before it is sent again: longer than a write
    /// to a busy store takes, shorter than the state write timeout.
    /// </summary>
    private static readonly TimeSpan WriteResendInterval = TimeSpan.FromSeconds(5);

    private readonly ISubtaskHost _host;
    private readonly RuntimeServices _services;
    private readonly DeploySubtask _deployment;
    private readonly JobGraph _graph;
    private readonly JobVertex _vertex;
    private readonly bool _checkpointing;
    private readonly Serialization.MessageParts _parts;
    private readonly OperatorChain _chain;
    private readonly InputGate _gate;
    private readonly SubtaskCheckpointer _checkpointer;
    private readonly BarrierAligner _aligner;
    private readonly ActorProcessingTimeService _processingTime;
    private readonly SubtaskMailbox _mailbox;
    private int _endedChannels;
    private bool _continueScheduled;
    private bool _pollScheduled;
    private bool _waitingForSource;
    private bool _flushScheduled;
    private bool _inputEnded;
    private bool _operatorsClosed;
    private readonly SubtaskTimeMeter _time = new();
    private readonly Dictionary<long, long> _alignmentMs = [];
    private long _alignmentStart;
    private long _receivedBytes;
    private long[] _inputWatermarks = [];
    private bool _sourceHalted; // no more polling: input read (waiting for the final checkpoint) or stopped with a savepoint

    /// <summary>Builds the chain of <paramref name="deployment"/>'s vertex and its inputs from the connected <paramref name="subtasks"/>.</summary>
    public RunningSubtask(ISubtaskHost host, RuntimeServices services, DeploySubtask deployment, JobGraph graph, bool checkpointing,
        IReadOnlyDictionary<string, IActorRef[]> subtasks, CounterGroup counters, Serialization.MessageParts parts)
    {
        _host = host;
        _services = services;
        _deployment = deployment;
        _graph = graph;
        _vertex = graph.Vertex(deployment.VertexId);
        _checkpointing = checkpointing;
        _parts = parts;
        _processingTime = new ActorProcessingTimeService(services.TimeProvider,
            delay => host.Timers.StartSingleTimer("processing-time", SubtaskTicks.ProcessingTime.Instance, delay),
            () => host.Timers.Cancel("processing-time"));
        var self = host.Self; // captured here: the mailbox wakes the actor up from other threads
        _mailbox = new SubtaskMailbox(() => self.Tell(SubtaskTicks.RunMailbox.Instance), _processingTime);
        _chain = OperatorChain.Create(graph, _vertex, deployment.SubtaskIndex, subtasks, counters,
            services.TimeProvider, _processingTime, _mailbox, checkpointing, RemoteBatchSizing.BatchBytes(services.RemoteMessageBytes));
        _gate = new InputGate(ChannelLayout.InputsOf(_vertex, deployment.SubtaskIndex)
            .Select(c => (subtasks[c.Sender.Id][c.SenderIndex], c.SenderOutputEdge, c.SenderChannel, c.InputIndex))
            .ToList());
        _checkpointer = new SubtaskCheckpointer([.. _chain.Operators], graph.JobName, deployment.VertexId,
            deployment.SubtaskIndex, services.KeyGroupRegion, host.Self, services.RemoteMessageBytes);
        _aligner = new BarrierAligner(_gate.ChannelCount, services.CheckpointingOf(graph)?.Mode ?? CheckpointingMode.ExactlyOnce);
    }

    /// <summary>Records in and out so far, and the operators' counters.</summary>
    public long RecordsIn => _chain.RecordsIn;

    /// <inheritdoc cref="RecordsIn"/>
    public long RecordsOut => _chain.RecordsOut;

    /// <summary>Where the time went since the last call, and the current watermarks, for the job master.</summary>
    public JobMaster.SubtaskMetrics Metrics(JobMaster.SubtaskMetrics counts)
    {
        var output = _chain.Writers.Count == 0 ? long.MinValue : _chain.Writers.Min(w => w.CurrentWatermark);
        var input = _inputWatermarks.Length == 0 ? output : _inputWatermarks.Min();
        return counts with
        {
            RecordsSent = _chain.Writers.Sum(w => w.RecordsWritten),
            BytesReceived = _receivedBytes,
            BytesSent = _chain.SentBytes.Total,
            PendingRecords = _chain.Source?.PendingRecords ?? -1,
            Load = _time.Take(),
            InputWatermark = input,
            OutputWatermark = _chain.Writers.Count == 0 ? input : output,
        };
    }

    /// <summary>Restores the chain's state, opens its operators and starts taking input.</summary>
    public void Start(SubtaskRestorer restorer)
    {
        restorer.Apply(_chain.Operators);
        if (restorer.CheckpointId is { } restored)
            _checkpointer.Restored(restored);
        _checkpointer.MarkAllDirty(); // the first checkpoint of every run is a full one
        foreach (var (node, op) in _chain.Operators)
            OperatorException.Guard(node.Name, op.Open);
        foreach (var writer in _chain.Writers)
            writer.AnnounceWatermarkStatus();
        _gate.GrantInitialCredits(_graph.Settings.CreditsPerChannel);
        if (_checkpointing)
        {
            _host.Timers.StartPeriodicTimer("resend-writes", SubtaskTicks.ResendWrites.Instance, WriteResendInterval);
            _checkpointer.WarmUp();
        }
        if (_chain.Source is { } source)
        {
            if (source.EmitsWatermarks && _graph.Settings.AutoWatermarkInterval > TimeSpan.Zero)
                _host.Timers.StartPeriodicTimer("watermark", SubtaskTicks.EmitWatermark.Instance, _graph.Settings.AutoWatermarkInterval);
            if (source.Alignment is { } alignment && _graph.RuntimeMode == RuntimeExecutionMode.Streaming)
            {
                ReportSourceWatermark(); // at once, so that the group minimum counts this subtask from the start
                _host.Timers.StartPeriodicTimer("alignment", SubtaskTicks.ReportSourceWatermark.Instance, TimeSpan.FromMilliseconds(alignment.UpdateInterval));
            }
            SchedulePoll();
        }
        else if (_gate.ChannelCount == 0)
        {
            EndInput(); // an operator without inputs has nothing to wait for
        }
    }

    /// <summary>A batch, watermark, idleness change, barrier or end of partition from an input channel.</summary>
    public void OnChannelMessage(IChannelMessage message)
    {
        _gate.Enqueue(message);
        ProcessInput();
    }

    /// <summary>The job master triggers a checkpoint at the source.</summary>
    public void OnTrigger(TriggerCheckpoint trigger)
    {
        if (_chain.Source is null || _inputEnded)
            return;
        PerformCheckpoint(trigger.Barrier);
        if (trigger.SuspendAfter)
            _sourceHalted = true; // stop with savepoint: nothing after the barrier; the job master stops the job
    }

    /// <summary>A key-group write is durable; the last one of its checkpoint acknowledges it.</summary>
    public void OnWritten(KeyGroupStateWritten written)
    {
        if (_checkpointer.OnWritten(written) is not { } ack)
            return;
        _host.Timers.Cancel(WriteTimer(written.CheckpointId));
        Acknowledge(ack);
    }

    /// <summary>Sends key-group writes unconfirmed for too long again.</summary>
    public void ResendWrites() => _checkpointer.ResendUnconfirmed(WriteResendInterval);

    /// <summary>A state-store failure fails the checkpoint at once (the job master decides whether the job restarts).</summary>
    public void DeclineWrites(long checkpointId, string reason)
    {
        _host.Timers.Cancel(WriteTimer(checkpointId));
        if (_checkpointer.Fail(checkpointId))
            _host.ToJobMaster(new DeclineCheckpoint(_deployment.VertexId, _deployment.SubtaskIndex, checkpointId, reason));
    }

    /// <summary>The checkpoint completed: the operators commit.</summary>
    public void OnComplete(NotifyCheckpointComplete complete) => _checkpointer.Complete(complete.CheckpointId);

    /// <summary>The checkpoint was aborted: forget it, and release channels held back for it.</summary>
    public void OnAborted(NotifyCheckpointAborted aborted)
    {
        _checkpointer.Abort(aborted.CheckpointId);
        if (!_aligner.Abort(aborted.CheckpointId))
            return;
        _gate.UnblockAll();
        ProcessInput();
    }

    /// <summary>The final checkpoint completed: the source's input ends now.</summary>
    public void FinishSource()
    {
        if (_chain.Source is not null && !_inputEnded)
            EndInput();
    }

    /// <summary>Stop with drain: the source ends its input as if it had read everything.</summary>
    public void StopSource()
    {
        if (_chain.Source is not null && !_inputEnded)
            EndOfSource();
    }

    /// <summary>A downstream subtask has room again.</summary>
    public void OnCredit(Credit credit)
    {
        _chain.Writers[credit.OutputEdge].AddCredit(credit.OutputChannel, credit.Amount);
        Resume();
    }

    /// <summary>The turn ended with input still queued.</summary>
    public void ContinueProcessing()
    {
        _continueScheduled = false;
        ProcessInput();
    }

    /// <summary>Time to poll the source.</summary>
    public void PollTick()
    {
        _pollScheduled = false;
        PollSource();
    }

    /// <summary>The source has input again.</summary>
    public void SourceAvailable()
    {
        _waitingForSource = false;
        PollSource();
    }

    /// <summary>Buffered records waited long enough: send them.</summary>
    public void FlushTimeout()
    {
        _flushScheduled = false;
        FlushAll();
    }

    /// <summary>The source's periodic watermark.</summary>
    public void EmitWatermark() => _chain.Source?.EmitPeriodicWatermark();

    /// <summary>Watermark alignment: tells the job master this source subtask's watermark (Flink's ReportedWatermarkEvent).</summary>
    public void ReportSourceWatermark()
    {
        if (_chain.Source is { Alignment: { } alignment } source)
            _host.ToJobMaster(new ReportSourceWatermark(alignment.Group, _deployment.VertexId, _deployment.SubtaskIndex, source.AlignmentWatermark));
    }

    /// <summary>The job master's minimum over the alignment group: the source pauses or resumes (a resumed source is polled again through its availability).</summary>
    public void AlignSourceWatermarks(AlignSourceWatermarks align)
    {
        if (_chain.Source is { Alignment: { } alignment } source && alignment.Group == align.Group)
            OperatorException.Guard(_vertex.Head.Name, () => source.UpdateGroupWatermark(align.GroupMinimum));
    }

    /// <summary>Processing-time timers are due.</summary>
    public void ProcessingTimeTick()
    {
        _processingTime.FireDue();
        ScheduleFlush();
    }

    /// <summary>Mail from other threads (async I/O completions) runs now, between batches.</summary>
    public void RunMailbox()
    {
        if (_operatorsClosed)
            return;
        _time.Busy();
        _mailbox.RunAll();
        _time.Stopped(backPressured: false);
        ScheduleFlush();
    }

    /// <summary>Closes every operator once (on finish, failure, cancellation or the job master's loss); closing errors are only reported.</summary>
    public void CloseOperators()
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
                _host.CloseFailed(node.Name, ex);
            }
        }
    }

    /// <summary>Works through queued input while outputs have room, a bounded number of batches per turn.</summary>
    private void ProcessInput()
    {
        _time.Busy();
        var budget = BatchesPerTurn;
        while (budget > 0 && !_inputEnded && OutputsAvailable() && _gate.TryDequeue(out var message))
        {
            switch (message)
            {
                case DataBatch data:
                    _receivedBytes += data.ReceivedBytes;
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
            _host.Self.Tell(SubtaskTicks.ContinueProcessing.Instance);
        }
        _time.Stopped(backPressured: _gate.HasQueued && !OutputsAvailable());
        ScheduleFlush();
    }

    /// <summary>Exactly-once: a channel that delivered the barrier waits until all have; then the checkpoint is taken.</summary>
    private void OnBarrier(ChannelBarrier message)
    {
        if (_aligner.Aligning != message.Barrier.Id)
            _alignmentStart = System.Diagnostics.Stopwatch.GetTimestamp(); // the first channel's barrier: alignment starts
        var step = _aligner.OnBarrier(message.Channel, message.Barrier);
        if (step.Aborted is { } aborted)
        {
            _host.ToJobMaster(new DeclineCheckpoint(_deployment.VertexId, _deployment.SubtaskIndex, aborted,
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
        _alignmentMs[barrier.Id] = (long)System.Diagnostics.Stopwatch.GetElapsedTime(_alignmentStart).TotalMilliseconds;
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
        _host.Timers.StartSingleTimer(WriteTimer(barrier.Id), new SubtaskTicks.WritesTimedOut(barrier.Id), _services.StateWriteTimeout);
    }

    /// <summary>Acknowledgements carry the operators' state: in parts when larger than a remote message may be.</summary>
    private void Acknowledge(AcknowledgeCheckpoint ack)
    {
        ack = ack with { AlignmentMs = _alignmentMs.Remove(ack.CheckpointId, out var alignment) ? alignment : 0 };
        _parts.Send(ack, _host.ToJobMaster, ack.State.OperatorStates.Values.Sum(s => (long)s.Length));
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
        _host.ToJobMaster(new SourceExhausted(_deployment.VertexId, _deployment.SubtaskIndex));
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
        {
            _chain.Inputs[input].ProcessWatermark(watermark);
            if (_inputWatermarks.Length == 0)
                _inputWatermarks = Enumerable.Repeat(long.MinValue, _chain.Inputs.Count).ToArray();
            _inputWatermarks[input] = watermark;
        }
    }

    /// <summary>Polls the source while outputs have room, then yields so control messages get their turn.</summary>
    private void PollSource()
    {
        var source = _chain.Source!;
        _time.Busy();
        for (var polls = 0; polls < _graph.Settings.BatchSize; polls++)
        {
            if (_inputEnded || _sourceHalted || _waitingForSource || !OutputsAvailable())
            {
                _time.Stopped(backPressured: !_inputEnded && !_sourceHalted && !_waitingForSource);
                ScheduleFlush();
                return; // a credit resumes polling
            }
            switch (EmitNext(source))
            {
                case InputStatus.NothingAvailable:
                    _time.Stopped(backPressured: false);
                    _waitingForSource = true;
                    source.WaitForAvailabilityAsync(_host.Stopping)
                        .PipeTo(_host.Self, success: () => SubtaskTicks.SourceAvailable.Instance);
                    ScheduleFlush();
                    return;
                case InputStatus.EndOfInput:
                    _time.Stopped(backPressured: false);
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
        if (OutputsAvailable())
            _host.Finished();
    }

    /// <summary>One comparison: the channels keep the count of those waiting for credit (no loop over writers and channels per poll or batch).</summary>
    private bool OutputsAvailable() => _chain.Backlog.IsEmpty;

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
        _host.Timers.StartSingleTimer("flush", SubtaskTicks.FlushTimeout.Instance, _graph.Settings.BatchTimeout);
    }

    private void SchedulePoll()
    {
        if (_pollScheduled || _waitingForSource)
            return;
        _pollScheduled = true;
        _host.Self.Tell(SubtaskTicks.PollSource.Instance);
    }
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sinks;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Feeds a sink writer; the last operator of its chain. A two-phase-commit sink
/// (<see cref="ITwoPhaseCommitSink{T, TCommittable}"/>) is bound to checkpoints when checkpointing is
/// on: prepared at each barrier, committed when the checkpoint completes, committed again on restore.
/// </summary>
public sealed class SinkOperator<T>(ISink<T> sink) : OneInputStreamOperator<T, T>, ISinkOperator
{
    private ISinkWriter<T>? _writer;
    private readonly FunctionOperatorState _writerState = new();
    private ITwoPhaseCommitDriver<T>? _twoPhase;
    private SinkContext? _sinkContext;
    private bool _ended;

    private SinkContext SinkContext => _sinkContext ??= new SinkContext(Context.OperatorName, Context.SubtaskIndex, Context.Parallelism,
        new StreamingRuntimeContext(Context, keyedState: null))
    {
        JobName = Context.JobName,
        OperatorUid = Context.OperatorUid,
    };

    /// <summary>
    /// Commits this subtask's share of the restored committables, before the writer opens; for any other sink, keeps
    /// the restored state of a checkpointed writer (<see cref="ICheckpointedFunction"/>) until it is created.
    /// </summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored)
    {
        if (restored.Count == 0)
            return;
        _twoPhase ??= TwoPhaseCommitDriver.TryCreate(sink, SinkContext);
        if (_twoPhase is null)
            _writerState.Restore(restored);
        else
            _twoPhase.Restore(restored);
    }

    /// <inheritdoc />
    public override void Open()
    {
        if (Context.CheckpointingEnabled)
            _twoPhase ??= TwoPhaseCommitDriver.TryCreate(sink, SinkContext);
        _writer = _twoPhase?.CreateWriter() ?? sink.CreateWriter(SinkContext);
        if (_writer is ICheckpointedFunction && _twoPhase is not null)
            throw new InvalidOperationException(
                $"The writer of two-phase-commit sink '{Context.OperatorName}' is also a checkpointed function; keep its state in its committables instead.");
        _writerState.Initialize(_writer, Context, keyedState: null);
    }

    /// <summary>
    /// Prepares a two-phase-commit writer's transaction and returns the uncommitted committables; a checkpointed
    /// writer snapshots its own state (what it still buffers); any other writer is flushed, which makes the sink at-least-once.
    /// </summary>
    public override byte[]? SnapshotOperatorState(long checkpointId)
    {
        if (_twoPhase is not null)
            return _twoPhase.Snapshot(checkpointId);
        if (_writer is ICheckpointedFunction)
            return _writerState.Snapshot(checkpointId);
        _writer?.Flush(endOfInput: false);
        return null;
    }

    /// <inheritdoc />
    public override void NotifyCheckpointComplete(long checkpointId) => _twoPhase?.NotifyCheckpointComplete(checkpointId);

    /// <inheritdoc />
    public long RecordsWritten { get; private set; }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<T> record)
    {
        _writer!.Write(record.Value, record.Timestamp);
        RecordsWritten++;
    }

    /// <inheritdoc />
    public override void ProcessWatermark(long watermark) { }

    /// <summary>Flushes for the end of input; a two-phase-commit sink commits what the last checkpoint did not cover.</summary>
    public override void EndInput()
    {
        _ended = true;
        if (_twoPhase is not null)
            _twoPhase.EndInput();
        else
            _writer!.Flush(endOfInput: true);
    }

    /// <inheritdoc />
    public override void Close()
    {
        try
        {
            if (_writer is null)
                return;
            // Uncommitted two-phase output is discarded anyway, so only a plain writer is flushed.
            if (!_ended && _twoPhase is null)
                _writer.Flush(endOfInput: false);
            _writer.Dispose();
        }
        finally
        {
            _twoPhase?.Dispose();
        }
    }
}

/// <summary>The untyped view of a sink operator.</summary>
public interface ISinkOperator : IStreamOperator
{
    /// <summary>Records handed to the sink writer so far.</summary>
    long RecordsWritten { get; }
}

using System.Buffers.Binary;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Assigns event timestamps and generates watermarks inside the pipeline (Flink's
/// TimestampsAndWatermarksOperator): after decoding, say. Watermarks from upstream are replaced by
/// this operator's own, except the end-of-input watermark, which passes through.
/// Its operator state is the last watermark it emitted: after a restore it emits the smallest restored
/// watermark at once and never goes below it, so downstream lateness decisions match a run without the failure.
/// </summary>
public sealed class TimestampsAndWatermarksOperator<T>(WatermarkStrategy<T> strategy, TimeSpan autoWatermarkInterval)
    : OneInputStreamOperator<T, T>, IWatermarkOutput
{
    private IWatermarkGenerator<T>? _generator;
    private long _currentWatermark = Watermarks.Min;
    private bool _emitPerEvent;
    private bool _closed;
    private bool _emitRestoredWatermark;

    /// <summary>
    /// Takes the smallest watermark the previous subtasks emitted: each of them may still replay records
    /// down to its own watermark, so only the minimum is safe for every new subtask after a rescale.
    /// </summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored)
    {
        if (restored.Count == 0)
            return;
        _currentWatermark = restored.Min(state => BinaryPrimitives.ReadInt64LittleEndian(state));
        _emitRestoredWatermark = _currentWatermark != Watermarks.Min;
    }

    /// <summary>The last emitted watermark (also when none was: every subtask's value counts in the minimum).</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId)
    {
        var state = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(state, _currentWatermark);
        return state;
    }

    /// <inheritdoc />
    public override void Open()
    {
        _generator = strategy.CreateGenerator();
        // Re-establish the restored event time before any record, as the run without the failure had it.
        if (_emitRestoredWatermark && Context.RuntimeMode != RuntimeExecutionMode.Batch)
            Output.EmitWatermark(_currentWatermark);
        _emitPerEvent = autoWatermarkInterval == TimeSpan.Zero;
        if (!_emitPerEvent && !strategy.IsNoWatermarks)
            SchedulePeriodicEmit(Context.ProcessingTime.CurrentProcessingTime);
    }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<T> record)
    {
        var timestamp = strategy.TimestampAssigner is { } assign ? assign(record.Value, record.Timestamp) : record.Timestamp;
        Output.Collect(new StreamRecord<T>(record.Value, timestamp));
        _generator!.OnEvent(record.Value, timestamp, this);
        if (_emitPerEvent)
            _generator.OnPeriodicEmit(this);
    }

    /// <summary>Upstream watermarks are replaced by this operator's; only the end of input passes.</summary>
    public override void ProcessWatermark(long watermark)
    {
        if (watermark == Watermarks.Max)
            EmitWatermark(Watermarks.Max);
    }

    /// <inheritdoc />
    public void EmitWatermark(long watermark)
    {
        // BATCH mode, as in Flink: only the final watermark counts.
        if (watermark <= _currentWatermark || (Context.RuntimeMode == RuntimeExecutionMode.Batch && watermark != Watermarks.Max))
            return;
        _currentWatermark = watermark;
        Output.EmitWatermark(watermark);
    }

    /// <inheritdoc />
    public override void Close() => _closed = true;

    private void SchedulePeriodicEmit(long now) =>
        Context.ProcessingTime.ScheduleAt(now + (long)autoWatermarkInterval.TotalMilliseconds, OnPeriodicEmit);

    private void OnPeriodicEmit(long now)
    {
        if (_closed)
            return;
        _generator!.OnPeriodicEmit(this);
        SchedulePeriodicEmit(now);
    }
}

using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Head of a source chain: polls the reader, assigns timestamps and generates watermarks.
/// The subtask calls <see cref="EmitNext"/> while its outputs have room. Its operator state is the
/// reader's position and the watermark emitted so far, so a restored source resumes both.
/// </summary>
public sealed class SourceOperator<T>(ISource<T> source, WatermarkStrategy<T> strategy, bool emitWatermarkPerEvent)
    : StreamOperator<T>, ISourceOperator, ISourceOutput<T>, IWatermarkOutput
{
    private const byte StateFormatVersion = 1;

    private ISourceReader<T>? _reader;
    private IWatermarkGenerator<T>? _generator;
    private long _currentWatermark = Watermarks.Min;
    private long _lastActivity;
    private bool _idle;
    private bool _idleWithoutSplits;
    private bool _ended;
    private readonly Dictionary<string, SplitOutput> _splits = new(StringComparer.Ordinal);
    private readonly SourceWatermarkAligner? _aligner = strategy.Alignment is { } alignment ? new(alignment) : null;
    private IReadOnlyList<byte[]> _restoredReaderStates = [];
    private long _restoredWatermark = Watermarks.Min;

    /// <summary>Whether the source ends.</summary>
    public Boundedness Boundedness => source.Boundedness;

    /// <summary>True when periodic watermark emission applies.</summary>
    public bool EmitsWatermarks => !strategy.IsNoWatermarks;

    /// <summary>Keeps the restored readers' states for the reader and the lowest restored watermark.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored)
    {
        if (restored.Count == 0)
            return;
        var readerStates = new List<byte[]>(restored.Count);
        var watermark = long.MaxValue;
        foreach (var state in restored)
        {
            using var input = new BinaryReader(new MemoryStream(state));
            if (input.ReadByte() is var version && version != StateFormatVersion)
                throw new InvalidDataException($"Unknown source operator state version {version}.");
            readerStates.Add(input.ReadBytes(input.ReadInt32()));
            watermark = Math.Min(watermark, input.ReadInt64());
        }
        _restoredReaderStates = readerStates;
        _restoredWatermark = watermark;
    }

    /// <summary>The reader's position and the watermark emitted so far.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId)
    {
        var reader = _reader ?? throw new InvalidOperationException("The source cannot snapshot before Open.");
        var readerState = reader.SnapshotState(checkpointId);
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer))
        {
            output.Write(StateFormatVersion);
            output.Write(readerState.Length);
            output.Write(readerState);
            output.Write(_currentWatermark);
        }
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public override void NotifyCheckpointComplete(long checkpointId) => _reader?.NotifyCheckpointComplete(checkpointId);

    /// <inheritdoc />
    public override void Open()
    {
        _generator = strategy.CreateGenerator();
        _reader = source.CreateReader(new SourceReaderContext(Context.SubtaskIndex, Context.Parallelism, Context.TimeProvider)
        {
            RestoredState = _restoredReaderStates,
            CheckpointingEnabled = Context.CheckpointingEnabled,
        });
        // Event time does not go back after a restore: the guard in EmitWatermark drops anything lower.
        EmitWatermark(_restoredWatermark);
        UpdateSplitIdleness();
        if (_aligner is not null && Context.RuntimeMode == RuntimeExecutionMode.Streaming)
            Context.ProcessingTime.ScheduleAt(Context.ProcessingTime.CurrentProcessingTime + _aligner.Params.UpdateInterval, CheckAlignment);
        if (strategy.IdleTimeout is { } timeout && Context.RuntimeMode == RuntimeExecutionMode.Streaming)
        {
            _lastActivity = Context.ProcessingTime.CurrentProcessingTime;
            Context.ProcessingTime.ScheduleAt(_lastActivity + (long)timeout.TotalMilliseconds, CheckIdle);
        }
    }

    /// <summary>Polls the reader once.</summary>
    public InputStatus EmitNext()
    {
        if (_aligner is { SubtaskPaused: true })
            return InputStatus.NothingAvailable; // ahead of its alignment group: WaitForAvailabilityAsync completes when it may read again
        var status = _reader!.PollNext(this);
        if (status == InputStatus.NothingAvailable)
            UpdateSplitIdleness();
        return status;
    }

    /// <inheritdoc />
    public long? PendingRecords => _reader?.PendingRecords;

    /// <summary>Completes when the reader may have records again.</summary>
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        _aligner is { SubtaskPaused: true } aligner ? aligner.WhenResumed.WaitAsync(cancellationToken) : _reader!.WaitForAvailabilityAsync(cancellationToken);

    /// <inheritdoc />
    public WatermarkAlignmentParams? Alignment => _aligner?.Params;

    /// <summary>The splits paused for watermark alignment now.</summary>
    public IReadOnlyCollection<string> PausedSplits => _aligner?.PausedSplits ?? [];

    /// <summary>True while this subtask is ahead of its alignment group and is not polled.</summary>
    public bool PausedForAlignment => _aligner?.SubtaskPaused ?? false;

    /// <inheritdoc />
    public long AlignmentWatermark => _ended || _idle ? Watermarks.Max : _currentWatermark;

    /// <inheritdoc />
    public void UpdateGroupWatermark(long minimum)
    {
        if (_aligner is null)
            return;
        _aligner.GroupMinimum = minimum;
        Align();
    }

    /// <summary>Asks the watermark generators (the reader's, or each split's) for their periodic watermarks.</summary>
    public void EmitPeriodicWatermark()
    {
        UpdateSplitIdleness();
        if (_splits.Count == 0)
        {
            _generator!.OnPeriodicEmit(this);
            return;
        }
        foreach (var split in _splits.Values)
            split.Generator.OnPeriodicEmit(split);
    }

    /// <inheritdoc />
    public void Collect(T value) => Collect(value, StreamRecord<T>.NoTimestamp);

    /// <inheritdoc />
    public void Collect(T value, long timestamp) => Emit(value, timestamp, _generator!, this);

    /// <inheritdoc />
    public void CollectSide<TSide>(OutputTag<TSide> tag, TSide value, long timestamp)
    {
        if (IdlenessApplies || _idle)
            MarkActive();
        Output.Collect(tag, new StreamRecord<TSide>(value, timestamp));
    }

    /// <inheritdoc />
    public ISourceOutput<T> ForSplit(string splitId)
    {
        if (!_splits.TryGetValue(splitId, out var split))
        {
            _splits.Add(splitId, split = new SplitOutput(this, strategy.CreateGenerator()));
            if (IdlenessApplies)
                split.LastActivity = Context.ProcessingTime.CurrentProcessingTime;
        }
        return split;
    }

    /// <inheritdoc />
    public void ReleaseSplit(string splitId)
    {
        _aligner?.Released(splitId);
        if (_splits.Remove(splitId))
            CombineSplitWatermarks();
    }

    private bool IdlenessApplies => strategy.IdleTimeout is not null && Context.RuntimeMode == RuntimeExecutionMode.Streaming;

    /// <summary>
    /// A streaming reader that owns no split (more subtasks than files or partitions) is idle from the start, so
    /// downstream event time never waits for it; it becomes active when a split arrives or it emits a record.
    /// </summary>
    private void UpdateSplitIdleness()
    {
        if (_ended || Context.RuntimeMode != RuntimeExecutionMode.Streaming || _reader!.AssignedSplits is not { } splits)
            return;
        if (splits == 0 && !_idle)
        {
            _idle = _idleWithoutSplits = true;
            Output.EmitWatermarkStatus(idle: true);
        }
        else if (splits > 0 && _idleWithoutSplits)
        {
            MarkActive();
        }
    }

    private void Emit(T value, long timestamp, IWatermarkGenerator<T> generator, IWatermarkOutput watermarks)
    {
        if (strategy.TimestampAssigner is { } assign)
            timestamp = assign(value, timestamp);
        if (IdlenessApplies)
        {
            MarkActive();
            if (watermarks is SplitOutput split)
                split.MarkActive(_lastActivity);
        }
        else if (_idle)
        {
            MarkActive(); // idle for want of a split, which a record proves it now has
        }
        Output.Collect(new StreamRecord<T>(value, timestamp));
        generator.OnEvent(value, timestamp, watermarks);
        if (emitWatermarkPerEvent)
            generator.OnPeriodicEmit(watermarks);
    }

    /// <summary>
    /// The source's watermark is the minimum over its splits' watermarks, leaving out idle splits (Flink's
    /// per-split WatermarksWithIdleness): a Kafka partition without records holds event time back only
    /// until the idle timeout.
    /// </summary>
    private void CombineSplitWatermarks()
    {
        var min = long.MaxValue;
        foreach (var split in _splits.Values)
            if (!split.Idle)
                min = Math.Min(min, split.Watermark);
        if (min != Watermarks.Min && min != long.MaxValue)
            EmitWatermark(min);
    }

    /// <summary>One split's output: its records and its own watermark generator.</summary>
    private sealed class SplitOutput(SourceOperator<T> source, IWatermarkGenerator<T> generator) : ISourceOutput<T>, IWatermarkOutput
    {
        public IWatermarkGenerator<T> Generator { get; } = generator;

        public long Watermark { get; private set; } = Watermarks.Min;

        /// <summary>When this split last emitted a record (processing time), with idleness on.</summary>
        public long LastActivity { get; set; }

        /// <summary>True when the split had no record for the idle timeout; its watermark is left out.</summary>
        public bool Idle { get; set; }

        public void MarkActive(long now)
        {
            LastActivity = now;
            Idle = false; // the combined watermark never goes back, so a split that wakes up behind it cannot lower it
        }

        public void CollectSide<TSide>(OutputTag<TSide> tag, TSide value, long timestamp) => source.CollectSide(tag, value, timestamp);

        public void Collect(T value) => Collect(value, StreamRecord<T>.NoTimestamp);

        public void Collect(T value, long timestamp) => source.Emit(value, timestamp, Generator, this);

        public ISourceOutput<T> ForSplit(string splitId) => source.ForSplit(splitId);

        public void ReleaseSplit(string splitId) => source.ReleaseSplit(splitId);

        public void EmitWatermark(long watermark)
        {
            if (watermark <= Watermark)
                return;
            Watermark = watermark;
            source.CombineSplitWatermarks();
        }
    }

    /// <inheritdoc />
    public void EmitWatermark(long watermark)
    {
        // BATCH mode, as in Flink: event time jumps to the end once all input is read; no late data.
        if (watermark <= _currentWatermark || (Context.RuntimeMode == RuntimeExecutionMode.Batch && watermark != Watermarks.Max))
            return;
        _currentWatermark = watermark;
        Output.EmitWatermark(watermark);
    }

    /// <inheritdoc />
    public void EmitFinalWatermark()
    {
        _ended = true;
        EmitWatermark(Watermarks.Max);
        // The final watermark must count downstream. Waking up after it, not before, means the channel never
        // counts at a watermark below the one it had while idle.
        if (_idle)
            MarkActive();
    }

    /// <summary>The end of a bounded input ends event time (unless <see cref="EmitFinalWatermark"/> already did).</summary>
    public override void EndInput() => EmitFinalWatermark();

    private void MarkActive()
    {
        _lastActivity = Context.ProcessingTime.CurrentProcessingTime;
        if (!_idle)
            return;
        _idle = _idleWithoutSplits = false;
        Output.EmitWatermarkStatus(idle: false);
    }

    /// <summary>Flink's alignment timer: re-checks which splits may read, every update interval of processing time.</summary>
    private void CheckAlignment(long now)
    {
        if (_ended)
            return;
        Align();
        Context.ProcessingTime.ScheduleAt(now + _aligner!.Params.UpdateInterval, CheckAlignment);
    }

    private void Align()
    {
        var splits = new List<(string Id, long Watermark, bool Idle)>(_splits.Count);
        foreach (var (id, split) in _splits)
            splits.Add((id, split.Watermark, split.Idle));
        _aligner!.Align(splits, _currentWatermark, _reader!.PauseOrResumeSplits);
    }

    /// <summary>Flink's WatermarksWithIdleness: no record for the timeout marks the subtask idle.</summary>
    private void CheckIdle(long now)
    {
        if (_ended)
            return;
        var timeout = (long)strategy.IdleTimeout!.Value.TotalMilliseconds;
        var next = Math.Max(now, _lastActivity) + timeout;
        var splitWentIdle = false;
        foreach (var split in _splits.Values)
        {
            if (split.Idle)
                continue;
            if (now - split.LastActivity >= timeout)
                split.Idle = splitWentIdle = true;
            else
                next = Math.Min(next, split.LastActivity + timeout);
        }
        if (splitWentIdle)
            CombineSplitWatermarks();
        if (!_idle && now - _lastActivity >= timeout)
        {
            _idle = true;
            Output.EmitWatermarkStatus(idle: true);
        }
        Context.ProcessingTime.ScheduleAt(next, CheckIdle);
    }

    /// <inheritdoc />
    public override void Close() => _reader?.Dispose();
}

/// <summary>The untyped view of a <see cref="SourceOperator{T}"/> that the subtask drives.</summary>
public interface ISourceOperator : IStreamOperator
{
    /// <summary>True when periodic watermark emission applies.</summary>
    bool EmitsWatermarks { get; }

    /// <summary>Polls the reader once.</summary>
    InputStatus EmitNext();

    /// <summary>Completes when the reader may have records again.</summary>
    Task WaitForAvailabilityAsync(CancellationToken cancellationToken);

    /// <summary>Records the reader has yet to read from its external system (its lag), or null when unknown.</summary>
    long? PendingRecords { get; }

    /// <summary>Asks the watermark generator for its periodic watermark.</summary>
    void EmitPeriodicWatermark();

    /// <summary>The source's watermark alignment, or null when it has none.</summary>
    WatermarkAlignmentParams? Alignment { get; }

    /// <summary>The watermark this subtask reports to its alignment group: long.MaxValue once idle or ended, so it holds no one back.</summary>
    long AlignmentWatermark { get; }

    /// <summary>The job master's minimum watermark over the alignment group: pauses or resumes this subtask and its splits.</summary>
    void UpdateGroupWatermark(long minimum);

    /// <summary>
    /// The reader reported the end of its input: ends event time now, so that the final checkpoint
    /// comes after the final watermark. Idempotent; <see cref="IStreamOperator.EndInput"/> calls it too.
    /// </summary>
    void EmitFinalWatermark();
}

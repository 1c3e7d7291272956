using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing.Slicing;

/// <summary>
/// Sliding event-time windows aggregated by slices, as Flink SQL's window aggregation does: the time line is cut into
/// slices of the slide, a record updates the one slice it falls in, and a window is the merge of the size / slide
/// slices it covers when the watermark passes its end. A record costs one state update and one timer instead of
/// size / slide of each. Results equal <see cref="WindowOperator{TKey,TIn,TAcc,TOut,W}"/>'s with the default
/// trigger, no evictor and no allowed lateness, the cases <see cref="WindowedStream{T,TKey,W}"/> slices; only the order
/// among the keys of windows that end at the same time may differ (no order among keys is promised).
/// </summary>
/// <remarks>
/// Timers sit at window ends, at most one per key and window: a record arms the first window of its slice that is not
/// yet complete, and a firing window arms the next one while a slice of it holds data. A slice is dropped when the last
/// window covering it has fired.
/// </remarks>
public sealed class SlicingWindowOperator<TKey, TIn, TAgg, TOut>
    : OneInputStreamOperator<TIn, TOut>, ITriggerable<TKey, VoidNamespace>
    where TKey : notnull
{
    /// <summary>The name the slice timers are checkpointed under.</summary>
    public const string TimerServiceName = "slice-timers";

    private const string LateRecordsDroppedCounter = "numLateRecordsDropped";

    /// <summary>The name of the window operator's contents state, which a sliced operator cannot read.</summary>
    private const string WindowContentsStateName = "window-contents";

    private readonly long _size;
    private readonly long _slide;
    private readonly long _offset;
    private readonly Func<TIn, TKey> _keySelector;
    private readonly Func<IKeyedStateStore, SliceContents<TIn, TAgg>> _createContents;
    private readonly InternalWindowFunction<TAgg, TOut, TKey, TimeWindow> _function;
    private readonly OutputTag<TIn>? _lateDataTag;

    private HeapKeyedStateBackend<TKey>? _backend;
    private InternalTimerService<TKey, VoidNamespace>? _timers;
    private SliceContents<TIn, TAgg>? _slices;
    private WindowProcessContext<TKey, TOut, TimeWindow>? _processContext;
    private TimestampedCollector<TOut>? _collector;
    private ICounter? _lateRecordsDropped;

    internal SlicingWindowOperator(
        SlidingEventTimeWindows assigner,
        Func<TIn, TKey> keySelector,
        Func<IKeyedStateStore, SliceContents<TIn, TAgg>> createContents,
        InternalWindowFunction<TAgg, TOut, TKey, TimeWindow> function,
        OutputTag<TIn>? lateDataTag)
    {
        if (!WindowSlicing.CanSlice(assigner))
            throw new ArgumentException($"{assigner} cannot be sliced: the size must be a multiple of the slide.", nameof(assigner));
        (_size, _slide, _offset) = (assigner.Size, assigner.Slide, assigner.Offset);
        _keySelector = keySelector;
        _createContents = createContents;
        _function = function;
        _lateDataTag = lateDataTag;
    }

    /// <summary>This subtask's keyed state: the slices and the window function's state.</summary>
    public HeapKeyedStateBackend<TKey> KeyedState => _backend ?? throw new InvalidOperationException("Setup was not called.");

    /// <summary>This subtask's timers: at most one per key and window end.</summary>
    public InternalTimerService<TKey, VoidNamespace> Timers => _timers ?? throw new InvalidOperationException("Open was not called.");

    /// <inheritdoc />
    public override IKeyedStateSnapshots? KeyedStateSnapshots => _backend;

    /// <inheritdoc />
    public override void Setup(OperatorContext context, IOutput<TOut> output)
    {
        base.Setup(context, output);
        _backend = HeapKeyedStateBackend<TKey>.For(context);
    }

    /// <inheritdoc />
    public override void Open()
    {
        var backend = KeyedState;
        if (backend.HasPending(WindowContentsStateName) || backend.HasPending(WindowOperator<TKey, TIn, TAgg, TOut, TimeWindow>.TimerServiceName))
            throw new InvalidOperationException(
                $"'{Context.OperatorName}' restores windows written by the window operator without slicing, which keeps each window whole. " +
                "Call .Slicing(false) on this windowed stream to restore them, or start it without that state.");
        _timers = new InternalTimerService<TKey, VoidNamespace>(TimerServiceName, backend, Context.ProcessingTime, this);
        _slices = _createContents(backend);
        _processContext = new WindowProcessContext<TKey, TOut, TimeWindow>(_timers, Output, backend, merging: false);
        _collector = new TimestampedCollector<TOut>(Output);
        _lateRecordsDropped = Context.Counters.Get(LateRecordsDroppedCounter);
        _function.Open(new StreamingRuntimeContext(Context, backend));
    }

    /// <inheritdoc />
    public override void Close() => _function.Close();

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record) => Process(in record, keyGroup: -1);

    /// <summary>Processes a batch from a keyed edge: the sender's key groups spare hashing each key again when they are of this operator's keys.</summary>
    public override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups)
    {
        if (!keyGroups.ComputedBy(_keySelector))
        {
            ProcessBatch(batch);
            return;
        }
        var groups = keyGroups.Groups[..batch.Length];
        for (var i = 0; i < batch.Length; i++)
            Process(in batch[i], groups[i]);
    }

    /// <summary>Adds the record to its slice; <paramref name="keyGroup"/> is its key's group when the sender computed it, else -1.</summary>
    private void Process(in StreamRecord<TIn> record, int keyGroup)
    {
        var key = _keySelector(record.Value) ?? throw new InvalidOperationException(
            $"The key selector of '{Context.OperatorName}' returned null; keys must not be null.");
        EventTimeAssigners.RequireTimestamp(record.Timestamp, nameof(SlidingEventTimeWindows));
        var watermark = Timers.CurrentWatermark;
        var sliceEnd = TimeWindow.GetWindowStartWithOffset(record.Timestamp, _offset, _slide) + _slide;
        // The last window covering the slice ends size - slide after it: once that one is complete, the record is late.
        if (sliceEnd - _slide + _size - 1 <= watermark)
        {
            if (_lateDataTag is not null)
                Output.Collect(_lateDataTag, in record);
            else
                _lateRecordsDropped!.Add();
            return;
        }
        if (keyGroup < 0)
            KeyedState.SetCurrentKey(key, record.Timestamp);
        else
            KeyedState.SetCurrentKey(key, keyGroup, record.Timestamp);
        _slices!.Add(sliceEnd, record.Value);
        Timers.RegisterEventTimeTimer(VoidNamespace.Instance, FirstOpenWindowEnd(sliceEnd, watermark) - 1);
    }

    /// <summary>Fires the windows the watermark completed, then forwards it.</summary>
    public override void ProcessWatermark(long watermark)
    {
        Timers.AdvanceWatermark(watermark);
        Output.EmitWatermark(watermark);
    }

    /// <summary>Emits the window ending after the timer, drops its oldest slice and arms the next window if it holds data.</summary>
    void ITriggerable<TKey, VoidNamespace>.OnEventTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        var windowEnd = timer.Timestamp + 1;
        var window = new TimeWindow(windowEnd - _size, windowEnd);
        var oldestSlice = window.Start + _slide;
        if (_slices!.TryMerge(oldestSlice, windowEnd, _slide, out var contents))
        {
            _collector!.Timestamp = window.MaxTimestamp;
            _processContext!.Window = window;
            _function.Process(timer.Key, window, _processContext, contents, _collector);
        }
        _processContext!.Window = window;
        _function.Clear(window, _processContext);
        _slices.Remove(oldestSlice);
        if (NextWindowHasData(windowEnd))
            Timers.RegisterEventTimeTimer(VoidNamespace.Instance, windowEnd + _slide - 1);
    }

    void ITriggerable<TKey, VoidNamespace>.OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer)
    {
    }

    /// <summary>The end of the first window covering the slice ending at <paramref name="sliceEnd"/> that the watermark has not completed.</summary>
    private long FirstOpenWindowEnd(long sliceEnd, long watermark)
    {
        if (sliceEnd - 1 > watermark)
            return sliceEnd;
        // Window ends lie on the slide's grid: step from the slice's own window past the watermark.
        var behind = watermark + 1 - (sliceEnd - 1);
        return sliceEnd + (behind + _slide - 1) / _slide * _slide;
    }

    /// <summary>True when a slice of the window after the one ending at <paramref name="windowEnd"/> holds data.</summary>
    private bool NextWindowHasData(long windowEnd)
    {
        for (var end = windowEnd - _size + 2 * _slide; end <= windowEnd + _slide; end += _slide)
        {
            if (_slices!.Contains(end))
                return true;
        }
        return false;
    }
}

using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Windows a keyed stream as Flink's WindowOperator does: each element goes to the panes (key, window) its
/// assigner chooses, each pane's trigger decides when the window function runs and when the pane is purged,
/// and a cleanup timer at the window's end plus the allowed lateness drops the pane and its trigger state.
/// Pane contents, trigger state and the session-merging bookkeeping live in the keyed backend, namespaced by
/// window; timers are keyed timers namespaced by window. Results carry the window's max timestamp.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TIn">The element type.</typeparam>
/// <typeparam name="TAcc">What a pane hands the window function (a reduced value, an aggregate result, the elements).</typeparam>
/// <typeparam name="TOut">The result type.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
public class WindowOperator<TKey, TIn, TAcc, TOut, W>
    : OneInputStreamOperator<TIn, TOut>, ITriggerable<TKey, W>, IWindowAssignerContext, IKeyedRecordProcessor<TIn, TKey>
    where TKey : notnull where W : Window
{
    /// <summary>The name the window timers are checkpointed under.</summary>
    public const string TimerServiceName = "window-timers";

    private const string LateRecordsDroppedCounter = "numLateRecordsDropped";
    private const byte StaggerStateVersion = 1;
    private const string MergingWindowsState = "merging-windows";
    // Before the merging sets were one value per key, each key held a map state window -> state window under this name.
    private const string LegacyMergingWindowsState = "merging-window-set";

    private readonly WindowAssigner<TIn, W> _assigner;
    private readonly WindowMerger<TIn, W>? _merger;
    private readonly AssignedWindows<W> _assigned = new();
    private readonly Func<TIn, TKey> _keySelector;
    private readonly Func<IKeyedStateStore, WindowContents<TIn, TAcc, W>> _createContents;
    private readonly Trigger<TIn, W> _trigger;
    private readonly long _allowedLateness;
    private readonly OutputTag<TIn>? _lateDataTag;
    private readonly WindowMergeFunction<W> _onMerge;

    private HeapKeyedStateBackend<TKey>? _backend;
    private InternalTimerService<TKey, W>? _timers;
    private WindowContents<TIn, TAcc, W>? _contents;
    private IValueState<MergingWindowSet<W>>? _mergingSets;
    private IInPlaceMutable? _mergingSetsInPlace;
    // The set of a key that has none yet: it becomes the key's value only once a window stays in it.
    private MergingWindowSet<W> _spareMergingSet = new();
    private WindowTriggerContext<TKey, TIn, W>? _triggerContext;
    private WindowProcessContext<TKey, TOut, W>? _processContext;
    private TimestampedCollector<TOut>? _collector;
    private ICounter? _lateRecordsDropped;
    private long? _staggerOffset;

    internal WindowOperator(
        WindowAssigner<TIn, W> assigner,
        Func<TIn, TKey> keySelector,
        Func<IKeyedStateStore, WindowContents<TIn, TAcc, W>> createContents,
        InternalWindowFunction<TAcc, TOut, TKey, W> function,
        Trigger<TIn, W> trigger,
        long allowedLateness,
        OutputTag<TIn>? lateDataTag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowedLateness);
        _assigner = assigner;
        if (assigner is MergingWindowAssigner<TIn, W> merging)
            _merger = new WindowMerger<TIn, W>(merging);
        _keySelector = keySelector;
        _createContents = createContents;
        Function = function;
        _trigger = trigger;
        _allowedLateness = allowedLateness;
        _lateDataTag = lateDataTag;
        _onMerge = OnMerge;
    }

    /// <summary>This subtask's keyed state: pane contents, trigger state, merging windows and function state.</summary>
    public HeapKeyedStateBackend<TKey> KeyedState => _backend ?? throw new InvalidOperationException("Setup was not called.");

    /// <summary>This subtask's timers: trigger timers and cleanup timers, namespaced by window.</summary>
    public InternalTimerService<TKey, W> Timers => _timers ?? throw new InvalidOperationException("Open was not called.");

    /// <summary>Evaluates pane contents.</summary>
    internal InternalWindowFunction<TAcc, TOut, TKey, W> Function { get; }

    /// <summary>The pane contents.</summary>
    private protected WindowContents<TIn, TAcc, W> Contents => _contents!;

    /// <summary>What window functions and evictors see.</summary>
    private protected WindowProcessContext<TKey, TOut, W> ProcessContext => _processContext!;

    long IWindowAssignerContext.CurrentProcessingTime => Timers.CurrentProcessingTime;

    long IWindowAssignerContext.GetStaggerOffset(WindowStagger stagger, long size) =>
        _staggerOffset ??= WindowStaggerOffsets.Of(stagger, Timers.CurrentProcessingTime, size, Context.SubtaskIndex);

    /// <summary>Restores this subtask's stagger offset (written by the subtask of the same index), so restored windows keep their starts.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored)
    {
        foreach (var state in restored)
        {
            using var input = new BinaryReader(new MemoryStream(state));
            if (input.ReadByte() is var version && version != StaggerStateVersion)
                throw new InvalidDataException($"Unknown window operator state version {version}.");
            var subtask = input.ReadInt32();
            var offset = input.ReadInt64();
            if (subtask == Context.SubtaskIndex)
                _staggerOffset = offset;
        }
    }

    /// <summary>The stagger offset once the first element fixed it; no state otherwise.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId)
    {
        if (_staggerOffset is not { } offset)
            return null;
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer))
        {
            output.Write(StaggerStateVersion);
            output.Write(Context.SubtaskIndex);
            output.Write(offset);
        }
        return buffer.ToArray();
    }

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
        if (backend.HasPending(Slicing.WindowSlicing.SliceStateName))
            throw new InvalidOperationException(
                $"'{Context.OperatorName}' restores sliced windows (written with slicing on), which keep slices, not whole windows. " +
                "Remove .Slicing(false) from this windowed stream to restore them, or start it without that state.");
        _timers = new InternalTimerService<TKey, W>(TimerServiceName, backend, Context.ProcessingTime, this);
        _contents = _createContents(backend);
        if (_merger is not null)
            OpenMergingSets(backend);
        _triggerContext = new WindowTriggerContext<TKey, TIn, W>(_trigger, _timers, backend);
        _processContext = new WindowProcessContext<TKey, TOut, W>(_timers, Output, backend, _merger is not null);
        _collector = new TimestampedCollector<TOut>(Output);
        _lateRecordsDropped = Context.Counters.Get(LateRecordsDroppedCounter);
        Function.Open(new StreamingRuntimeContext(Context, backend));
    }

    /// <inheritdoc />
    public override void Close() => Function.Close();

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        var key = KeyedRecords.KeyOf(_keySelector, in record, Context.OperatorName);
        KeyedState.SetCurrentKey(key, record.Timestamp);
        ProcessKeyed(in record, key);
    }

    /// <summary>Processes a batch from a keyed edge: the sender's key groups spare hashing each key again when they are of this operator's keys.</summary>
    public override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups) =>
        KeyedRecords.ProcessBatch(this, batch, keyGroups, _keySelector, KeyedState, Context.OperatorName);

    /// <summary>Adds the record to its windows; the current key is already <paramref name="key"/>.</summary>
    void IKeyedRecordProcessor<TIn, TKey>.ProcessKeyed(in StreamRecord<TIn> record, TKey key) => ProcessKeyed(in record, key);

    private void ProcessKeyed(in StreamRecord<TIn> record, TKey key)
    {
        _assigner.AssignWindows(record.Value, record.Timestamp, this, _assigned);
        var handled = _merger is null ? AddToWindows(in record, key) : AddToMergingWindows(in record, key);

        // An element that no window took is late if its timestamp is behind the watermark by more than the lateness.
        if (!handled && IsElementLate(in record))
        {
            if (_lateDataTag is not null)
                Output.Collect(_lateDataTag, in record);
            else
                _lateRecordsDropped!.Add();
        }
    }

    /// <summary>Fires the event-time timers the watermark passed (windows and cleanups), then forwards it.</summary>
    public override void ProcessWatermark(long watermark)
    {
        Timers.AdvanceWatermark(watermark);
        Output.EmitWatermark(watermark);
    }

    void ITriggerable<TKey, W>.OnEventTime(InternalTimer<TKey, W> timer) => OnTimer(timer, eventTime: true);

    void ITriggerable<TKey, W>.OnProcessingTime(InternalTimer<TKey, W> timer) => OnTimer(timer, eventTime: false);

    /// <summary>Evaluates <paramref name="contents"/> of <paramref name="window"/> (held in <paramref name="stateWindow"/>) and emits the results.</summary>
    private protected virtual void EmitWindowContents(W window, W stateWindow, TAcc contents)
    {
        _collector!.Timestamp = window.MaxTimestamp;
        _processContext!.Window = window;
        Function.Process(_triggerContext!.Key, window, _processContext, contents, _collector);
    }

    private bool AddToWindows(in StreamRecord<TIn> record, TKey key)
    {
        var handled = false;
        for (var i = 0; i < _assigned.Count; i++)
        {
            var window = _assigned[i];
            if (IsWindowLate(window))
                continue;
            handled = true;
            Contents.Add(window, in record);
            _triggerContext!.Key = key;
            _triggerContext.Window = window;
            var result = _triggerContext.OnElement(in record);
            if (result.IsFire())
            {
                if (!Contents.TryGet(window, out var contents))
                    continue;
                EmitWindowContents(window, window, contents);
            }
            if (result.IsPurge())
                Contents.Clear(window);
            RegisterCleanupTimer(window);
        }
        return handled;
    }

    private bool AddToMergingWindows(in StreamRecord<TIn> record, TKey key)
    {
        var handled = false;
        var stored = _mergingSets!.TryGetValue(out var mergingWindows);
        if (!stored)
            mergingWindows = _spareMergingSet.Count == 0 ? _spareMergingSet : _spareMergingSet = new MergingWindowSet<W>();
        for (var i = 0; i < _assigned.Count; i++)
        {
            var window = _assigned[i];
            // A merge can only produce a window that contains the new element, because windows merge eagerly.
            var actualWindow = _merger!.AddWindow(mergingWindows, window, _onMerge);
            if (IsWindowLate(actualWindow))
            {
                mergingWindows.RetireWindow(actualWindow);
                continue;
            }
            handled = true;
            var stateWindow = mergingWindows.GetStateWindow(actualWindow)
                ?? throw new InvalidOperationException($"Window {window} is not in the in-flight window set.");
            Contents.Add(stateWindow, in record);
            _triggerContext!.Key = key;
            _triggerContext.Window = actualWindow;
            var result = _triggerContext.OnElement(in record);
            if (result.IsFire())
            {
                if (!Contents.TryGet(stateWindow, out var contents))
                    continue;
                EmitWindowContents(actualWindow, stateWindow, contents);
            }
            if (result.IsPurge())
                Contents.Clear(stateWindow);
            RegisterCleanupTimer(actualWindow);
        }
        Persist(mergingWindows, stored);
        return handled;
    }

    /// <summary>Writes the current key's merging set back if it changed: in place, as the key's new value, or by clearing it.</summary>
    private void Persist(MergingWindowSet<W> mergingWindows, bool stored)
    {
        if (!mergingWindows.Changed)
            return;
        mergingWindows.Changed = false;
        if (mergingWindows.Count == 0)
        {
            if (stored)
                _mergingSets!.Clear();
        }
        else if (!stored)
        {
            _mergingSets!.Update(mergingWindows);
            _spareMergingSet = new MergingWindowSet<W>();
        }
        else if (_mergingSetsInPlace is { } inPlace)
        {
            inPlace.MarkCurrentChanged();
        }
        else
        {
            _mergingSets!.Update(mergingWindows);
        }
    }

    /// <summary>Registers the per-key merging sets, moving sets restored in the earlier map layout into them.</summary>
    private void OpenMergingSets(HeapKeyedStateBackend<TKey> backend)
    {
        _mergingSets = backend.GetState(new ValueStateDescriptor<MergingWindowSet<W>>(MergingWindowsState)
        {
            Serializer = new MergingWindowSetSerializer<W>(TypeSerializers.Get<W>()),
        });
        _mergingSetsInPlace = _mergingSets as IInPlaceMutable;
        var legacy = backend.GetMapState(new MapStateDescriptor<W, W>(LegacyMergingWindowsState));
        foreach (var key in backend.GetKeys(LegacyMergingWindowsState).ToList())
        {
            backend.SetCurrentKey(key);
            var set = new MergingWindowSet<W>();
            foreach (var (window, stateWindow) in legacy.Entries())
                set.Put(window, stateWindow);
            set.Changed = false;
            _mergingSets.Update(set);
            legacy.Clear();
        }
    }

    /// <summary>Windows merged: merge trigger state, drop the merged windows' triggers and cleanup timers, merge contents.</summary>
    private void OnMerge(W mergeResult, IReadOnlyList<W> mergedWindows, W stateWindowResult, IReadOnlyList<W> mergedStateWindows)
    {
        if (_assigner.IsEventTime && CleanupTime(mergeResult) <= Timers.CurrentWatermark)
            throw new InvalidOperationException(
                "The end timestamp of an event-time window cannot become earlier than the current watermark by merging. " +
                $"Current watermark: {Timers.CurrentWatermark} window: {mergeResult}");
        if (!_assigner.IsEventTime && mergeResult.MaxTimestamp <= Timers.CurrentProcessingTime)
            throw new InvalidOperationException(
                "The end timestamp of a processing-time window cannot become earlier than the current processing time by merging. " +
                $"Current processing time: {Timers.CurrentProcessingTime} window: {mergeResult}");

        var triggerContext = _triggerContext!;
        triggerContext.Window = mergeResult;
        triggerContext.OnMerge(mergedWindows);
        for (var i = 0; i < mergedWindows.Count; i++)
        {
            triggerContext.Window = mergedWindows[i];
            triggerContext.Clear();
            DeleteCleanupTimer(mergedWindows[i]);
        }
        // Most merges extend one session by the new element's window: no other pane to fold in.
        if (mergedStateWindows.Count > 0)
            Contents.Merge(stateWindowResult, mergedStateWindows);
    }

    private void OnTimer(InternalTimer<TKey, W> timer, bool eventTime)
    {
        var triggerContext = _triggerContext!;
        triggerContext.Key = timer.Key;
        triggerContext.Window = timer.Namespace;

        MergingWindowSet<W>? mergingWindows = null;
        var stateWindow = timer.Namespace;
        if (_merger is not null)
        {
            // A timer of a window that is gone (merged away or retired) whose trigger did not delete it: nothing to do.
            if (!_mergingSets!.TryGetValue(out var set) || set.GetStateWindow(timer.Namespace) is not { } inFlight)
                return;
            mergingWindows = set;
            stateWindow = inFlight;
        }

        var result = eventTime ? triggerContext.OnEventTime(timer.Timestamp) : triggerContext.OnProcessingTime(timer.Timestamp);
        if (result.IsFire() && Contents.TryGet(stateWindow, out var contents))
            EmitWindowContents(timer.Namespace, stateWindow, contents);
        if (result.IsPurge())
            Contents.Clear(stateWindow);

        // Cleanup timers live in the assigner's time domain; a timer of the other domain never cleans up.
        if (_assigner.IsEventTime == eventTime && timer.Timestamp == CleanupTime(timer.Namespace))
            ClearAllState(timer.Namespace, stateWindow, mergingWindows);
        if (mergingWindows is not null)
            Persist(mergingWindows, stored: true);
    }

    /// <summary>Drops the pane, the trigger's state and timers and the function's window state; retires a merging window (persisted by the caller).</summary>
    private void ClearAllState(W window, W stateWindow, MergingWindowSet<W>? mergingWindows)
    {
        Contents.Clear(stateWindow);
        _triggerContext!.Clear();
        _processContext!.Window = window;
        Function.Clear(window, _processContext);
        mergingWindows?.RetireWindow(window);
    }

    /// <summary>True when the watermark passed the window's end plus the allowed lateness (event time only).</summary>
    private bool IsWindowLate(W window) => _assigner.IsEventTime && CleanupTime(window) <= Timers.CurrentWatermark;

    /// <summary>True when the element's timestamp plus the allowed lateness is at or behind the watermark (event time only).</summary>
    private bool IsElementLate(in StreamRecord<TIn> record) =>
        _assigner.IsEventTime && record.Timestamp + _allowedLateness <= Timers.CurrentWatermark;

    /// <summary>Event time: max timestamp + allowed lateness (long.MaxValue on overflow); processing time: max timestamp.</summary>
    private long CleanupTime(W window)
    {
        if (!_assigner.IsEventTime)
            return window.MaxTimestamp;
        var cleanupTime = unchecked(window.MaxTimestamp + _allowedLateness);
        return cleanupTime >= window.MaxTimestamp ? cleanupTime : long.MaxValue;
    }

    /// <summary>
    /// Registers the timer that drops the current window's state after the trigger saw an element; none for windows
    /// that never end, and none when the trigger has just registered that very timer (the default triggers do when
    /// the allowed lateness is 0): the second registration would only find it there.
    /// </summary>
    private void RegisterCleanupTimer(W window)
    {
        var cleanupTime = CleanupTime(window);
        if (cleanupTime == long.MaxValue || _triggerContext!.RegisteredOnElement(_assigner.IsEventTime, cleanupTime))
            return;
        if (_assigner.IsEventTime)
            Timers.RegisterEventTimeTimer(window, cleanupTime);
        else
            Timers.RegisterProcessingTimeTimer(window, cleanupTime);
    }

    private void DeleteCleanupTimer(W window)
    {
        var cleanupTime = CleanupTime(window);
        if (cleanupTime == long.MaxValue)
            return;
        if (_assigner.IsEventTime)
            Timers.DeleteEventTimeTimer(window, cleanupTime);
        else
            Timers.DeleteProcessingTimeTimer(window, cleanupTime);
    }
}

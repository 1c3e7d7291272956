using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Runs a <see cref="KeyedBroadcastProcessFunction{TKey,TIn,TBroadcast,TOut}"/>: input 1 is keyed,
/// input 2 is broadcast to every subtask. Broadcast state is operator state (one copy per
/// subtask, kept identical by the function), declared up front by the stream's descriptors;
/// keyed state and timers are checkpointed by key group like any keyed operator's.
/// </summary>
public sealed class KeyedBroadcastProcessOperator<TKey, TIn, TBroadcast, TOut>(
    KeyedBroadcastProcessFunction<TKey, TIn, TBroadcast, TOut> function, Func<TIn, TKey> keySelector,
    IReadOnlyList<StateDescriptor> broadcastDescriptors)
    : KeyedTwoInputOperator<TKey, TIn, TBroadcast, TOut>(keySelector, NotKeyed)
    where TKey : notnull
{
    private readonly KeyedBroadcastProcessFunction<TKey, TIn, TBroadcast, TOut> _function = FunctionCopies.PerSubtask(function);
    private readonly BroadcastStates _broadcastStates = new(broadcastDescriptors);
    private TimestampedCollector<TOut>? _collector;
    private KeyedContext? _keyedContext;
    private BroadcastContext? _broadcastContext;
    private long _timestamp;

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        _collector = new TimestampedCollector<TOut>(Output);
        _keyedContext = new KeyedContext(this, new KeyedTimerService<TKey>(Timers));
        _broadcastContext = new BroadcastContext(this);
        FunctionCopies.Open(_function, new StreamingRuntimeContext(Context, Backend));
    }

    /// <summary>Restores the broadcast states: every previous subtask held the same, so one copy is taken.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored) => _broadcastStates.Restore(restored);

    /// <summary>The broadcast states.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId) => _broadcastStates.Snapshot();

    /// <inheritdoc />
    protected override void ProcessKeyed1(in StreamRecord<TIn> record, TKey key)
    {
        _keyedContext!.Set(key, TimeDomain.EventTime);
        Stamp(record.Timestamp);
        _function.ProcessElement(record.Value, _keyedContext, _collector!);
    }

    /// <summary>A broadcast element: no key, so it bypasses the keyed path.</summary>
    public override void ProcessElement2(in StreamRecord<TBroadcast> record)
    {
        Stamp(record.Timestamp);
        _function.ProcessBroadcastElement(record.Value, _broadcastContext!, _collector!);
    }

    /// <inheritdoc />
    public override void OnEventTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        _keyedContext!.Set(timer.Key, TimeDomain.EventTime);
        Stamp(timer.Timestamp);
        _function.OnTimer(timer.Timestamp, _keyedContext, _collector!);
    }

    /// <inheritdoc />
    public override void OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        _keyedContext!.Set(timer.Key, TimeDomain.ProcessingTime);
        Stamp(StreamRecord<TOut>.NoTimestamp);
        _function.OnTimer(timer.Timestamp, _keyedContext, _collector!);
    }

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(_function);

    /// <summary>A broadcast batch, element by element: its edge carries no key groups.</summary>
    public override void ProcessBatch2(ReadOnlySpan<StreamRecord<TBroadcast>> batch, BatchKeyGroups keyGroups)
    {
        foreach (ref readonly var record in batch)
            ProcessElement2(in record);
    }

    /// <summary>Never called: <see cref="ProcessElement2"/> and <see cref="ProcessBatch2"/> take broadcast elements without a key.</summary>
    protected override void ProcessKeyed2(in StreamRecord<TBroadcast> record, TKey key) => throw Unkeyed();

    private static TKey NotKeyed(TBroadcast value) => throw Unkeyed();

    private static InvalidOperationException Unkeyed() => new("Broadcast elements have no key; they reach every subtask.");

    private void Stamp(long timestamp)
    {
        _timestamp = timestamp;
        _collector!.Timestamp = timestamp;
    }

    private HeapBroadcastState<TStateKey, TValue> BroadcastState<TStateKey, TValue>(MapStateDescriptor<TStateKey, TValue> descriptor)
        where TStateKey : notnull => _broadcastStates.GetOrCreate(descriptor);

    private long? TimestampOrNull => _timestamp == StreamRecord<TOut>.NoTimestamp ? null : _timestamp;

    private void SideOutput<TSide>(OutputTag<TSide> tag, TSide value) => Output.Collect(tag, new StreamRecord<TSide>(value, _timestamp));

    private sealed class KeyedContext(KeyedBroadcastProcessOperator<TKey, TIn, TBroadcast, TOut> op, ITimerService timers)
        : KeyedBroadcastProcessFunction<TKey, TIn, TBroadcast, TOut>.OnTimerContext
    {
        private TKey _key = default!;
        private TimeDomain _domain;

        public void Set(TKey key, TimeDomain domain)
        {
            _key = key;
            _domain = domain;
        }

        public override TKey CurrentKey => _key;

        public override TimeDomain TimeDomain => _domain;

        public override ITimerService TimerService => timers;

        public override long? Timestamp => op.TimestampOrNull;

        public override long CurrentProcessingTime => timers.CurrentProcessingTime();

        public override long CurrentWatermark => timers.CurrentWatermark();

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) => op.SideOutput(tag, value);

        public override IReadOnlyBroadcastState<TStateKey, TValue> GetBroadcastState<TStateKey, TValue>(
            MapStateDescriptor<TStateKey, TValue> descriptor) => op.BroadcastState(descriptor);
    }

    private sealed class BroadcastContext(KeyedBroadcastProcessOperator<TKey, TIn, TBroadcast, TOut> op)
        : KeyedBroadcastProcessFunction<TKey, TIn, TBroadcast, TOut>.Context
    {
        public override long? Timestamp => op.TimestampOrNull;

        public override long CurrentProcessingTime => op.Timers.CurrentProcessingTime;

        public override long CurrentWatermark => op.Timers.CurrentWatermark;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) => op.SideOutput(tag, value);

        public override IBroadcastState<TStateKey, TValue> GetBroadcastState<TStateKey, TValue>(
            MapStateDescriptor<TStateKey, TValue> descriptor) => op.BroadcastState(descriptor);

        public override void ApplyToKeyedState<TValue>(ValueStateDescriptor<TValue> descriptor, Action<TKey, IValueState<TValue>> function) =>
            ForEachKey(descriptor.Name, op.Backend.GetState(descriptor), function);

        public override void ApplyToKeyedState<TValue>(ListStateDescriptor<TValue> descriptor, Action<TKey, IListState<TValue>> function) =>
            ForEachKey(descriptor.Name, op.Backend.GetListState(descriptor), function);

        private void ForEachKey<TState>(string stateName, TState state, Action<TKey, TState> function)
        {
            // Snapshot the keys: the function may clear state and so change the table while we walk it.
            foreach (var key in op.Backend.GetKeys(stateName).ToList())
            {
                op.Backend.SetCurrentKey(key);
                function(key, state);
            }
        }
    }
}

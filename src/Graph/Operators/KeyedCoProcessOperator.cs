using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="KeyedCoProcessFunction{TKey,TIn1,TIn2,TOut}"/>: both inputs share keyed state and timers per key.</summary>
public sealed class KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut>(
    KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> function, Func<TIn1, TKey> keySelector1, Func<TIn2, TKey> keySelector2)
    : KeyedTwoInputOperator<TKey, TIn1, TIn2, TOut>(keySelector1, keySelector2)
    where TKey : notnull
{
    private readonly KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> _function = FunctionCopies.PerSubtask(function);
    private readonly FunctionOperatorState _functionState = new();
    private TimestampedCollector<TOut>? _collector;
    private FunctionContext? _context;

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new FunctionContext(Output, new KeyedTimerService<TKey>(Timers));
        FunctionCopies.Open(_function, new StreamingRuntimeContext(Context, Backend),
            () => _functionState.Initialize(_function, Context, Backend));
    }

    /// <summary>Keeps the restored operator state for a checkpointed function, which reads it when it opens.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored) => _functionState.Restore(restored);

    /// <summary>A checkpointed function's operator state; null for other functions.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId) => _functionState.Snapshot(checkpointId);

    /// <inheritdoc />
    protected override void ProcessKeyed1(in StreamRecord<TIn1> record, TKey key)
    {
        Prepare(key, record.Timestamp, TimeDomain.EventTime);
        _function.ProcessElement1(record.Value, _context!, _collector!);
    }

    /// <inheritdoc />
    protected override void ProcessKeyed2(in StreamRecord<TIn2> record, TKey key)
    {
        Prepare(key, record.Timestamp, TimeDomain.EventTime);
        _function.ProcessElement2(record.Value, _context!, _collector!);
    }

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(_function);

    /// <inheritdoc />
    public override void OnEventTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        Prepare(timer.Key, timer.Timestamp, TimeDomain.EventTime);
        _function.OnTimer(timer.Timestamp, _context!, _collector!);
    }

    /// <inheritdoc />
    public override void OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer)
    {
        Prepare(timer.Key, StreamRecord<TOut>.NoTimestamp, TimeDomain.ProcessingTime);
        _function.OnTimer(timer.Timestamp, _context!, _collector!);
    }

    private void Prepare(TKey key, long timestamp, TimeDomain domain)
    {
        _collector!.Timestamp = timestamp;
        _context!.Set(key, timestamp, domain);
    }

    private sealed class FunctionContext(IOutput<TOut> output, ITimerService timerService)
        : KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>.OnTimerContext
    {
        private TKey _key = default!;
        private long _timestamp;
        private TimeDomain _domain;

        public void Set(TKey key, long timestamp, TimeDomain domain)
        {
            _key = key;
            _timestamp = timestamp;
            _domain = domain;
        }

        public override TKey CurrentKey => _key;

        public override TimeDomain TimeDomain => _domain;

        public override long? Timestamp => _timestamp == StreamRecord<TOut>.NoTimestamp ? null : _timestamp;

        public override ITimerService TimerService => timerService;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, _timestamp));
    }
}

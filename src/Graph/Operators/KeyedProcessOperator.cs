using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="KeyedProcessFunction{TKey,TIn,TOut}"/> with keyed state and timers.</summary>
public sealed class KeyedProcessOperator<TKey, TIn, TOut>(
    KeyedProcessFunction<TKey, TIn, TOut> function, Func<TIn, TKey> keySelector)
    : KeyedUdfOperator<TIn, TKey, TOut, KeyedProcessFunction<TKey, TIn, TOut>>(function, keySelector),
        ITriggerable<TKey, VoidNamespace>
    where TKey : notnull
{
    /// <summary>The name the timers are checkpointed under.</summary>
    public const string TimerServiceName = "user-timers";

    private TimestampedCollector<TOut>? _collector;
    private FunctionContext? _context;
    private InternalTimerService<TKey, VoidNamespace>? _timers;

    /// <summary>This subtask's timers.</summary>
    public InternalTimerService<TKey, VoidNamespace> Timers => _timers ?? throw new InvalidOperationException("Open was not called.");

    /// <inheritdoc />
    public override void Open()
    {
        _timers = new InternalTimerService<TKey, VoidNamespace>(TimerServiceName, Backend, Context.ProcessingTime, this);
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new FunctionContext(Output, new KeyedTimerService<TKey>(_timers));
        base.Open();
    }

    /// <inheritdoc />
    protected override void ProcessKeyed(in StreamRecord<TIn> record, TKey key)
    {
        _collector!.Timestamp = record.Timestamp;
        _context!.Set(key, record.Timestamp, TimeDomain.EventTime);
        Function.ProcessElement(record.Value, _context, _collector);
    }

    /// <summary>Fires the event-time timers the watermark passed, then forwards it.</summary>
    public override void ProcessWatermark(long watermark)
    {
        Timers.AdvanceWatermark(watermark);
        Output.EmitWatermark(watermark);
    }

    void ITriggerable<TKey, VoidNamespace>.OnEventTime(InternalTimer<TKey, VoidNamespace> timer) =>
        Fire(timer, TimeDomain.EventTime, timer.Timestamp);

    // Like Flink, output of a processing-time timer carries no event timestamp.
    void ITriggerable<TKey, VoidNamespace>.OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer) =>
        Fire(timer, TimeDomain.ProcessingTime, StreamRecord<TOut>.NoTimestamp);

    private void Fire(InternalTimer<TKey, VoidNamespace> timer, TimeDomain domain, long outputTimestamp)
    {
        _collector!.Timestamp = outputTimestamp;
        _context!.Set(timer.Key, outputTimestamp, domain);
        Function.OnTimer(timer.Timestamp, _context, _collector);
    }

    private sealed class FunctionContext(IOutput<TOut> output, ITimerService timerService)
        : KeyedProcessFunction<TKey, TIn, TOut>.OnTimerContext
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

        public override long? Timestamp => _timestamp == StreamRecord<TIn>.NoTimestamp ? null : _timestamp;

        public override ITimerService TimerService => timerService;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, _timestamp));
    }
}

using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="CoProcessFunction{TIn1,TIn2,TOut}"/> (and co-map/co-flatMap through adapters).</summary>
public sealed class CoProcessOperator<TIn1, TIn2, TOut>(CoProcessFunction<TIn1, TIn2, TOut> function)
    : TwoInputStreamOperator<TIn1, TIn2, TOut>
{
    private readonly CoProcessFunction<TIn1, TIn2, TOut> _function = FunctionCopies.PerSubtask(function);
    private readonly FunctionOperatorState _functionState = new();
    private TimestampedCollector<TOut>? _collector;
    private ElementContext? _context;
    private long _watermark = Watermarks.Min;

    /// <inheritdoc />
    public override void Open()
    {
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new ElementContext(Output, new NonKeyedTimerService(Context, () => _watermark));
        FunctionCopies.Open(_function, new StreamingRuntimeContext(Context, keyedState: null),
            () => _functionState.Initialize(_function, Context, null));
    }

    /// <summary>Keeps the restored operator state for a checkpointed function, which reads it when it opens.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored) => _functionState.Restore(restored);

    /// <summary>A checkpointed function's operator state; null for other functions.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId) => _functionState.Snapshot(checkpointId);

    /// <inheritdoc />
    public override void ProcessElement1(in StreamRecord<TIn1> record)
    {
        Prepare(record.Timestamp);
        _function.ProcessElement1(record.Value, _context!, _collector!);
    }

    /// <inheritdoc />
    public override void ProcessElement2(in StreamRecord<TIn2> record)
    {
        Prepare(record.Timestamp);
        _function.ProcessElement2(record.Value, _context!, _collector!);
    }

    /// <inheritdoc />
    public override void ProcessWatermark(long watermark)
    {
        _watermark = watermark;
        base.ProcessWatermark(watermark);
    }

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(_function);

    private void Prepare(long timestamp)
    {
        _collector!.Timestamp = timestamp;
        _context!.CurrentTimestamp = timestamp;
    }

    private sealed class ElementContext(IOutput<TOut> output, ITimerService timerService) : CoProcessFunction<TIn1, TIn2, TOut>.Context
    {
        public long CurrentTimestamp { get; set; }

        public override long? Timestamp => CurrentTimestamp == StreamRecord<TOut>.NoTimestamp ? null : CurrentTimestamp;

        public override ITimerService TimerService => timerService;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, CurrentTimestamp));
    }
}

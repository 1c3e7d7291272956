using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="ProcessFunction{TIn,TOut}"/>.</summary>
public sealed class ProcessOperator<TIn, TOut>(ProcessFunction<TIn, TOut> function)
    : UdfOperator<TIn, TOut, ProcessFunction<TIn, TOut>>(function)
{
    private TimestampedCollector<TOut>? _collector;
    private ElementContext? _context;
    private long _watermark = Watermarks.Min;

    /// <inheritdoc />
    public override void Open()
    {
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new ElementContext(Output, new NonKeyedTimerService(Context, () => _watermark));
        base.Open();
    }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        _collector!.Timestamp = record.Timestamp;
        _context!.CurrentTimestamp = record.Timestamp;
        Function.ProcessElement(record.Value, _context, _collector);
    }

    /// <inheritdoc />
    public override void ProcessWatermark(long watermark)
    {
        _watermark = watermark;
        base.ProcessWatermark(watermark);
    }

    private sealed class ElementContext(IOutput<TOut> output, ITimerService timerService) : ProcessFunction<TIn, TOut>.Context
    {
        public long CurrentTimestamp { get; set; }

        public override long? Timestamp => CurrentTimestamp == StreamRecord<TIn>.NoTimestamp ? null : CurrentTimestamp;

        public override ITimerService TimerService => timerService;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, CurrentTimestamp));
    }
}

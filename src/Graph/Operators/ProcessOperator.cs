using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="ProcessFunction{TIn,TOut}"/>.</summary>
public sealed class ProcessOperator<TIn, TOut>(ProcessFunction<TIn, TOut> function)
    : UdfOperator<TIn, TOut, ProcessFunction<TIn, TOut>>(function)
{
    private TimestampedCollector<TOut>? _collector;
    private ElementContext? _context;

    /// <inheritdoc />
    public override void Open()
    {
        _collector = new TimestampedCollector<TOut>(Output);
        _context = new ElementContext(Output);
        base.Open();
    }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        _collector!.Timestamp = record.Timestamp;
        _context!.CurrentTimestamp = record.Timestamp;
        Function.ProcessElement(record.Value, _context, _collector);
    }

    private sealed class ElementContext(IOutput<TOut> output) : ProcessFunction<TIn, TOut>.Context
    {
        public long CurrentTimestamp { get; set; }

        public override long? Timestamp => CurrentTimestamp == StreamRecord<TIn>.NoTimestamp ? null : CurrentTimestamp;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, CurrentTimestamp));
    }
}

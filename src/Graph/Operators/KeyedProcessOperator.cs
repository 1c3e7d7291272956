using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a <see cref="KeyedProcessFunction{TKey,TIn,TOut}"/> with keyed state.</summary>
public sealed class KeyedProcessOperator<TKey, TIn, TOut>(
    KeyedProcessFunction<TKey, TIn, TOut> function, Func<TIn, TKey> keySelector)
    : KeyedUdfOperator<TIn, TKey, TOut, KeyedProcessFunction<TKey, TIn, TOut>>(function, keySelector) where TKey : notnull
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
    protected override void ProcessKeyed(in StreamRecord<TIn> record, TKey key)
    {
        _collector!.Timestamp = record.Timestamp;
        _context!.CurrentTimestamp = record.Timestamp;
        _context.Key = key;
        Function.ProcessElement(record.Value, _context, _collector);
    }

    private sealed class ElementContext(IOutput<TOut> output) : KeyedProcessFunction<TKey, TIn, TOut>.Context
    {
        public long CurrentTimestamp { get; set; }

        public TKey Key { get; set; } = default!;

        public override TKey CurrentKey => Key;

        public override long? Timestamp => CurrentTimestamp == StreamRecord<TIn>.NoTimestamp ? null : CurrentTimestamp;

        public override void Output<TSide>(OutputTag<TSide> tag, TSide value) =>
            output.Collect(tag, new StreamRecord<TSide>(value, CurrentTimestamp));
    }
}

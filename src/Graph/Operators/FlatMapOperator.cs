using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a flatMap function; every output keeps the input's timestamp.</summary>
public sealed class FlatMapOperator<TIn, TOut>(IFlatMapFunction<TIn, TOut> function)
    : UdfOperator<TIn, TOut, IFlatMapFunction<TIn, TOut>>(function)
{
    private TimestampedCollector<TOut>? _collector;

    /// <inheritdoc />
    public override void Open()
    {
        _collector = new TimestampedCollector<TOut>(Output);
        base.Open();
    }

    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        _collector!.Timestamp = record.Timestamp;
        Function.FlatMap(record.Value, _collector);
    }
}

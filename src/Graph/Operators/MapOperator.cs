using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Runs a map function; the output keeps the input's timestamp.</summary>
public sealed class MapOperator<TIn, TOut>(IMapFunction<TIn, TOut> function)
    : UdfOperator<TIn, TOut, IMapFunction<TIn, TOut>>(function)
{
    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<TIn> record) =>
        Output.Collect(new StreamRecord<TOut>(Function.Map(record.Value), record.Timestamp));

    /// <inheritdoc />
    public override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch)
    {
        var function = Function;
        var output = Output;
        foreach (ref readonly var record in batch)
            output.Collect(new StreamRecord<TOut>(function.Map(record.Value), record.Timestamp));
    }
}

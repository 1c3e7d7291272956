using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>Forwards the records the filter function keeps.</summary>
public sealed class FilterOperator<T>(IFilterFunction<T> function) : UdfOperator<T, T, IFilterFunction<T>>(function)
{
    /// <inheritdoc />
    public override void ProcessElement(in StreamRecord<T> record)
    {
        if (Function.Filter(record.Value))
            Output.Collect(in record);
    }

    /// <inheritdoc />
    public override void ProcessBatch(ReadOnlySpan<StreamRecord<T>> batch)
    {
        var function = Function;
        var output = Output;
        foreach (ref readonly var record in batch)
        {
            if (function.Filter(record.Value))
                output.Collect(in record);
        }
    }
}

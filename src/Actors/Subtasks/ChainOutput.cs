using ActorStream.Graph;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// The output of one operator in a chain: calls the chained operators directly and/or writes to
/// network writers, for the main output and for each side output. An exception of a chained operator
/// on the main output is attributed to it here (<paramref name="guardNames"/>: the operator's name,
/// null for a writer), so a record crosses a chained edge with one interface call rather than a
/// <see cref="GuardedInput{T}"/> around it; a try block costs nothing until something throws.
/// </summary>
internal sealed class ChainOutput<T>(IInput<T>[] main, string?[] guardNames, IReadOnlyDictionary<OutputTag, IWatermarkInput[]> side)
    : IOutput<T>, IEmittedCount
{
    /// <summary>Records emitted on the main output.</summary>
    public long Emitted { get; private set; }

    public void Collect(in StreamRecord<T> record)
    {
        Emitted++;
        var i = 0;
        try
        {
            for (; i < main.Length; i++)
                main[i].ProcessElement(in record);
        }
        catch (Exception ex) when (ex is not OperatorException && guardNames[i] is not null)
        {
            throw new OperatorException(guardNames[i]!, ex);
        }
    }

    public void Collect<TSide>(OutputTag<TSide> tag, in StreamRecord<TSide> record)
    {
        if (!side.TryGetValue(tag, out var consumers))
            return; // like Flink: a side output nobody reads is dropped
        foreach (var consumer in consumers)
            ((IInput<TSide>)consumer).ProcessElement(in record);
    }

    public void EmitWatermarkStatus(bool idle)
    {
        ToMain(idle, static (consumer, value) => consumer.ProcessWatermarkStatus(value));
        foreach (var consumers in side.Values)
        {
            foreach (var consumer in consumers)
                consumer.ProcessWatermarkStatus(idle);
        }
    }

    public void EmitWatermark(long watermark)
    {
        ToMain(watermark, static (consumer, value) => consumer.ProcessWatermark(value));
        foreach (var consumers in side.Values)
        {
            foreach (var consumer in consumers)
                consumer.ProcessWatermark(watermark);
        }
    }

    /// <summary>Passes an event to every main consumer, attributing a chained operator's exception to it (events are rare: a delegate will do).</summary>
    private void ToMain<TValue>(TValue value, Action<IInput<T>, TValue> call)
    {
        var i = 0;
        try
        {
            for (; i < main.Length; i++)
                call(main[i], value);
        }
        catch (Exception ex) when (ex is not OperatorException && guardNames[i] is not null)
        {
            throw new OperatorException(guardNames[i]!, ex);
        }
    }
}

/// <summary>Counts what an output emitted.</summary>
internal interface IEmittedCount
{
    /// <summary>Records emitted on the main output.</summary>
    long Emitted { get; }
}

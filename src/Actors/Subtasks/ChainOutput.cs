using ActorStream.Graph;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// The output of one operator in a chain: calls the chained operators directly and/or writes to
/// network writers, for the main output and for each side output.
/// </summary>
internal sealed class ChainOutput<T>(IInput<T>[] main, IReadOnlyDictionary<OutputTag, IWatermarkInput[]> side)
    : IOutput<T>, IEmittedCount
{
    /// <summary>Records emitted on the main output.</summary>
    public long Emitted { get; private set; }

    public void Collect(in StreamRecord<T> record)
    {
        Emitted++;
        foreach (var consumer in main)
            consumer.ProcessElement(in record);
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
        foreach (var consumer in main)
            consumer.ProcessWatermarkStatus(idle);
        foreach (var consumers in side.Values)
        {
            foreach (var consumer in consumers)
                consumer.ProcessWatermarkStatus(idle);
        }
    }

    public void EmitWatermark(long watermark)
    {
        foreach (var consumer in main)
            consumer.ProcessWatermark(watermark);
        foreach (var consumers in side.Values)
        {
            foreach (var consumer in consumers)
                consumer.ProcessWatermark(watermark);
        }
    }
}

/// <summary>Counts what an output emitted.</summary>
internal interface IEmittedCount
{
    /// <summary>Records emitted on the main output.</summary>
    long Emitted { get; }
}

using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Operators;

/// <summary>A collector that stamps emitted values with the timestamp of the input being processed.</summary>
internal sealed class TimestampedCollector<T>(IOutput<T> output) : ICollector<T>
{
    public long Timestamp { get; set; } = StreamRecord<T>.NoTimestamp;

    public void Collect(T value) => output.Collect(new StreamRecord<T>(value, Timestamp));
}

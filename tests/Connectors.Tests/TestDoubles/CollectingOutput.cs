using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.TestDoubles;

/// <summary>A source output that keeps what it is given.</summary>
internal sealed class CollectingOutput<T> : ISourceOutput<T>
{
    public List<T> Values { get; } = [];

    public void Collect(T value) => Values.Add(value);

    public void Collect(T value, long timestamp) => Values.Add(value);
}

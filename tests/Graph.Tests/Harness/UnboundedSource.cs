namespace ActorStream.Graph.Tests.Harness;

/// <summary>An unbounded source for planner tests; it is never read.</summary>
public sealed class UnboundedSource<T> : ISource<T>
{
    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context) =>
        throw new NotSupportedException("Planner tests never read this source.");
}

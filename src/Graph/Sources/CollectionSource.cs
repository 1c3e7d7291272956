namespace ActorStream.Graph.Sources;

/// <summary>A bounded, non-parallel source over an in-memory sequence.</summary>
public sealed class CollectionSource<T>(IEnumerable<T> elements) : ISource<T>
{
    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <inheritdoc />
    public int? MaxParallelism => 1;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context) => new EnumeratorReader<T>(elements.GetEnumerator());
}

/// <summary>Reads an enumerator, one element per poll.</summary>
internal sealed class EnumeratorReader<T>(IEnumerator<T> enumerator) : ISourceReader<T>
{
    public InputStatus PollNext(ISourceOutput<T> output)
    {
        if (!enumerator.MoveNext())
            return InputStatus.EndOfInput;
        output.Collect(enumerator.Current);
        return InputStatus.MoreAvailable;
    }

    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => enumerator.Dispose();
}

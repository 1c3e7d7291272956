using System.Buffers.Binary;

namespace ActorStream.Graph.Sources;

/// <summary>
/// A bounded, non-parallel source over an in-memory sequence. Its position is the number of elements
/// emitted, so the sequence must enumerate the same elements again when a run is restored.
/// </summary>
public sealed class CollectionSource<T>(IEnumerable<T> elements) : ISource<T>
{
    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <inheritdoc />
    public int? MaxParallelism => 1;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context)
    {
        // One reader wrote the restored state; any other (there are none at parallelism 1) read nothing.
        var emitted = context.RestoredState.Select(state => BinaryPrimitives.ReadInt64LittleEndian(state)).DefaultIfEmpty(0).Max();
        return new EnumeratorReader<T>(elements.GetEnumerator(), emitted);
    }
}

/// <summary>Reads an enumerator, one element per poll, after skipping the <paramref name="emitted"/> elements read before.</summary>
internal sealed class EnumeratorReader<T>(IEnumerator<T> enumerator, long emitted) : ISourceReader<T>
{
    private long _skip = emitted;
    private long _emitted = emitted;

    public InputStatus PollNext(ISourceOutput<T> output)
    {
        for (; _skip > 0; _skip--)
        {
            if (!enumerator.MoveNext())
                return InputStatus.EndOfInput;
        }
        if (!enumerator.MoveNext())
            return InputStatus.EndOfInput;
        output.Collect(enumerator.Current);
        _emitted++;
        return InputStatus.MoreAvailable;
    }

    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public byte[] SnapshotState(long checkpointId)
    {
        var state = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(state, _emitted);
        return state;
    }

    public void Dispose() => enumerator.Dispose();
}

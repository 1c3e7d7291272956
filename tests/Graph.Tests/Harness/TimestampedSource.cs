using ActorStream.Graph.Sources;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>A bounded source that emits each value with a source timestamp (like a Kafka record timestamp), one per poll.</summary>
public sealed class TimestampedSource<T>(params (T Value, long Timestamp)[] elements) : ISource<T>
{
    /// <summary>How many readers were disposed.</summary>
    public int DisposedReaders { get; private set; }

    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context) => new Reader(this);

    private sealed class Reader(TimestampedSource<T> source) : ISourceReader<T>
    {
        private int _next;

        public InputStatus PollNext(ISourceOutput<T> output)
        {
            if (_next == source.Elements.Length)
                return InputStatus.EndOfInput;
            var (value, timestamp) = source.Elements[_next++];
            output.Collect(value, timestamp);
            return InputStatus.MoreAvailable;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public byte[] SnapshotState(long checkpointId) => [];

        public void Dispose() => source.DisposedReaders++;
    }

    private (T Value, long Timestamp)[] Elements { get; } = elements;
}

using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>An unbounded source of 0, 1, 2, ... (one per poll) that counts what it emitted.</summary>
public sealed class CountingSource : ISource<long>
{
    private long _emitted;

    public long Emitted => Interlocked.Read(ref _emitted);

    public Boundedness Boundedness => Boundedness.ContinuousUnbounded;

    public int? MaxParallelism => 1;

    public ISourceReader<long> CreateReader(SourceReaderContext context) => new Reader(this);

    private sealed class Reader(CountingSource source) : ISourceReader<long>
    {
        private long _next;

        public InputStatus PollNext(ISourceOutput<long> output)
        {
            output.Collect(_next++);
            Interlocked.Increment(ref source._emitted);
            return InputStatus.MoreAvailable;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public byte[] SnapshotState(long checkpointId) => [];

        public void Dispose() { }
    }
}

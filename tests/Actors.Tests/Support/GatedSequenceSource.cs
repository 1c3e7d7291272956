using ActorStream.Graph;

namespace ActorStream.Actors.Tests.Support;

/// <summary>
/// A bounded, replayable source of 1..count (one subtask) that emits only up to a limit the test
/// raises. Between limits its reader reports nothing available instead of blocking, so the subtask
/// keeps taking checkpoints and savepoints: tests decide exactly where the stream stands when they
/// fail it or take a savepoint, whatever the machine's speed.
/// </summary>
public sealed class GatedSequenceSource(long count) : ISource<long>
{
    private readonly long _count = count;
    private long _limit;
    private TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Boundedness Boundedness => Boundedness.Bounded;

    public int? MaxParallelism => 1;

    /// <summary>Lets the source emit every number up to <paramref name="limit"/>.</summary>
    public void OpenUpTo(long limit)
    {
        Volatile.Write(ref _limit, Math.Min(limit, _count));
        Interlocked.Exchange(ref _raised, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Lets the source emit everything and end.</summary>
    public void OpenAll() => OpenUpTo(_count);

    public ISourceReader<long> CreateReader(SourceReaderContext context) =>
        new Reader(this, context.RestoredState.Count == 0 ? 1 : BitConverter.ToInt64(context.RestoredState[0]));

    private sealed class Reader(GatedSequenceSource source, long next) : ISourceReader<long>
    {
        public InputStatus PollNext(ISourceOutput<long> output)
        {
            if (next > source._count)
                return InputStatus.EndOfInput;
            if (next > Volatile.Read(ref source._limit))
                return InputStatus.NothingAvailable;
            output.Collect(next++);
            return InputStatus.MoreAvailable;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken)
        {
            // Take the signal before reading the limit: a raise in between completes it.
            var raised = Volatile.Read(ref source._raised);
            return next <= Volatile.Read(ref source._limit) ? Task.CompletedTask : raised.Task.WaitAsync(cancellationToken);
        }

        public byte[] SnapshotState(long checkpointId) => BitConverter.GetBytes(next);

        public void Dispose() { }
    }
}

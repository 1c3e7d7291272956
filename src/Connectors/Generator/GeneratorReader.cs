using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Generator;

/// <summary>Generates the elements of one subtask's index splits in bursts, paced by an optional limiter; its position is the unread splits.</summary>
internal sealed class GeneratorReader<T>(
    Func<long, Random, T> generator,
    long seed,
    SequenceCursor cursor,
    RecordRateLimiter? limiter) : ISourceReader<T>
{
    /// <summary>The most records one poll emits, so a poll stays short but amortises its overhead.</summary>
    public const int MaxBurst = 64;

    private readonly SplitMixRandom _random = new();

    /// <inheritdoc />
    public InputStatus PollNext(ISourceOutput<T> output)
    {
        if (cursor.IsExhausted)
            return InputStatus.EndOfInput;
        var burst = (long)MaxBurst;
        if (limiter is not null && (burst = limiter.Acquire(burst)) == 0)
            return InputStatus.NothingAvailable;
        // The cursor advances per record, so a throwing generator leaves the position at the failed element.
        for (var i = 0; i < burst && cursor.TryPeek(out var index); i++)
        {
            _random.Reset(SplitMix64.SeedFor(seed, index));
            output.Collect(generator(index, _random));
            cursor.Advance();
        }
        return InputStatus.MoreAvailable;
    }

    /// <inheritdoc />
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        limiter?.WaitForNextAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public int? AssignedSplits => cursor.SplitCount;

    /// <inheritdoc />
    public byte[] SnapshotState(long checkpointId) => cursor.SnapshotState();

    /// <inheritdoc />
    public void Dispose() { }
}

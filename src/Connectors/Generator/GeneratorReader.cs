using ActorStream.Graph;

namespace ActorStream.Connectors.Generator;

/// <summary>Generates one subtask's indices first, first + step, ... in bursts, paced by an optional limiter.</summary>
internal sealed class GeneratorReader<T>(
    Func<long, Random, T> generator,
    long seed,
    long first,
    long step,
    long? remaining,
    RecordRateLimiter? limiter) : ISourceReader<T>
{
    /// <summary>The most records one poll emits, so a poll stays short but amortises its overhead.</summary>
    public const int MaxBurst = 64;

    private readonly SplitMixRandom _random = new();
    private long _next = first;
    private long? _remaining = remaining;

    /// <inheritdoc />
    public InputStatus PollNext(ISourceOutput<T> output)
    {
        if (_remaining == 0)
            return InputStatus.EndOfInput;
        var burst = Math.Min(_remaining ?? MaxBurst, MaxBurst);
        if (limiter is not null && (burst = limiter.Acquire(burst)) == 0)
            return InputStatus.NothingAvailable;
        for (var i = 0; i < burst; i++)
        {
            _random.Reset(SplitMix64.SeedFor(seed, _next));
            output.Collect(generator(_next, _random));
            // Advance per record, so a throwing generator leaves the position at the failed element.
            _next += step;
            _remaining--;
        }
        return InputStatus.MoreAvailable;
    }

    /// <inheritdoc />
    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) =>
        limiter?.WaitForNextAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() { }
}

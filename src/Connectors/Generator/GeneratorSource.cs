using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Generator;

/// <summary>
/// Generates element i from a function of i, as Flink's DataGeneratorSource. Element i is the same
/// at any parallelism: its <see cref="Random"/> is seeded from (seed, i) with SplitMix64 rather than
/// shared between elements. Bounded sources split [0, count) into contiguous ranges; unbounded ones
/// give subtask s the indices s, s + p, s + 2p, ...
/// </summary>
public sealed class GeneratorSource<T> : ISource<T>
{
    private readonly Func<long, Random, T> _generator;

    /// <summary>
    /// Creates a source of <paramref name="count"/> elements (null for unbounded) made by
    /// <paramref name="generator"/> from their index and a per-element random stream, which is valid
    /// only during the call. <paramref name="recordsPerSecond"/> limits the total rate over all subtasks.
    /// </summary>
    public GeneratorSource(long? count, Func<long, Random, T> generator, double? recordsPerSecond = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "The element count must not be negative.");
        if (recordsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
            throw new ArgumentOutOfRangeException(nameof(recordsPerSecond), rate, "The rate must be a positive number of records per second.");
        _generator = generator;
        Count = count;
        RecordsPerSecond = recordsPerSecond;
        Seed = seed;
    }

    /// <summary>Creates a source of <paramref name="count"/> elements (null for unbounded) made from their index.</summary>
    public GeneratorSource(long? count, Func<long, T> generator, double? recordsPerSecond = null)
        : this(count, Wrap(generator), recordsPerSecond)
    {
    }

    /// <summary>The number of elements, or null when unbounded.</summary>
    public long? Count { get; }

    /// <summary>The total rate limit over all subtasks in records per second, or null for none.</summary>
    public double? RecordsPerSecond { get; }

    /// <summary>The seed that, with the index, determines each element's random stream.</summary>
    public long Seed { get; }

    /// <inheritdoc />
    public Boundedness Boundedness => Count is null ? Boundedness.ContinuousUnbounded : Boundedness.Bounded;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context)
    {
        var limiter = RecordsPerSecond is { } rate
            ? new RecordRateLimiter(rate / context.Parallelism, context.TimeProvider)
            : null;
        if (Count is not { } count)
            return new GeneratorReader<T>(_generator, Seed, context.SubtaskIndex, context.Parallelism, remaining: null, limiter);
        var (start, share) = NumberSequenceSource.SplitRange(0, (ulong)count, context.SubtaskIndex, context.Parallelism);
        return new GeneratorReader<T>(_generator, Seed, start, step: 1, remaining: (long)share, limiter);
    }

    private static Func<long, Random, T> Wrap(Func<long, T> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return (index, _) => generator(index);
    }
}

using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Generator;

/// <summary>
/// Generates element i from a function of i, as Flink's DataGeneratorSource. Element i is the same
/// at any parallelism: its <see cref="Random"/> is seeded from (seed, i) with SplitMix64 rather than
/// shared between elements. Bounded sources split [0, count) into contiguous ranges (unless
/// <see cref="Interleaved"/>); unbounded ones give subtask s the indices s, s + p, s + 2p, ... Its position is
/// the unread index splits, so a restored run resumes after the last element emitted, at any parallelism.
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
        if (recordsPerSecond is { } rate)
            RecordRateLimiter.ValidateRate(rate, nameof(recordsPerSecond));
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

    /// <summary>
    /// True to give a bounded source's subtask s the indices s, s + p, s + 2p, ... as an unbounded one does, rather than a
    /// contiguous range. For elements whose event time grows with the index: with contiguous ranges the last subtask
    /// starts at the end of event time, and its windows wait for the first subtask's watermark until that one is done
    /// (state and output held back for the whole run); interleaved, all subtasks advance through event time together.
    /// A restored run shares out what is left as any bounded source does.
    /// </summary>
    public bool Interleaved { get; init; }

    /// <inheritdoc />
    public Boundedness Boundedness => Count is null ? Boundedness.ContinuousUnbounded : Boundedness.Bounded;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context)
    {
        var whole = Count is { } count ? new SequenceSplit(0, 1, (ulong)count) : new SequenceSplit(0, 1, null);
        var cursor = new SequenceCursor(Interleaved
            ? SequenceSplits.InterleavedForReader(context, whole)
            : SequenceSplits.ForReader(context, whole));
        return new GeneratorReader<T>(_generator, Seed, cursor, Limiter(context, cursor));
    }

    private RecordRateLimiter? Limiter(SourceReaderContext context, SequenceCursor cursor)
    {
        if (RecordsPerSecond is not { } rate)
            return null;
        // Bounded shares are equal. An endless reader gets the rate of its share of the indices (after a
        // rescale they can differ), so all readers advance through the indices, and event time, together.
        var share = Count is null ? cursor.EndlessShare : 1.0 / context.Parallelism;
        return share > 0 ? new RecordRateLimiter(rate * share, context.TimeProvider) : null;
    }

    private static Func<long, Random, T> Wrap(Func<long, T> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return (index, _) => generator(index);
    }
}

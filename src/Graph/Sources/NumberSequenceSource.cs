namespace ActorStream.Graph.Sources;

/// <summary>The numbers from..to inclusive; each subtask reads one contiguous range.</summary>
public sealed class NumberSequenceSource : ISource<long>
{
    private readonly long _from;
    private readonly long _to;

    /// <summary>Creates a source of <paramref name="from"/>..<paramref name="to"/> inclusive.</summary>
    public NumberSequenceSource(long from, long to)
    {
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The sequence end must not be below its start ({from}).");
        if (from == long.MinValue && to == long.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(to), to, "The sequence may hold at most 2^64 - 1 numbers.");
        _from = from;
        _to = to;
    }

    /// <inheritdoc />
    public Boundedness Boundedness => Boundedness.Bounded;

    /// <inheritdoc />
    public ISourceReader<long> CreateReader(SourceReaderContext context)
    {
        var (start, count) = SplitRange(_from, (ulong)(_to - _from) + 1, context.SubtaskIndex, context.Parallelism);
        return new EnumeratorReader<long>(Range(start, count).GetEnumerator());
    }

    /// <summary>The share of subtask <paramref name="index"/> of <paramref name="total"/> items starting at <paramref name="first"/>.</summary>
    public static (long Start, ulong Count) SplitRange(long first, ulong total, int index, int parallelism)
    {
        // 128-bit products: total * index overflows 64 bits for large ranges.
        var begin = (ulong)((UInt128)total * (uint)index / (uint)parallelism);
        var end = (ulong)((UInt128)total * (uint)(index + 1) / (uint)parallelism);
        return (first + (long)begin, end - begin);
    }

    private static IEnumerable<long> Range(long start, ulong count)
    {
        for (ulong i = 0; i < count; i++)
            yield return start + (long)i;
    }
}

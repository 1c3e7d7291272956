namespace ActorStream.Graph.Sources;

/// <summary>
/// The numbers from..to inclusive; each subtask reads one contiguous range. Its position is the
/// unread ranges, so a restored run resumes exactly after the last number emitted, at any parallelism.
/// </summary>
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
    public ISourceReader<long> CreateReader(SourceReaderContext context) =>
        new SequenceReader(new SequenceCursor(SequenceSplits.ForReader(context, new SequenceSplit(_from, 1, (ulong)(_to - _from) + 1))));

    /// <summary>The share of subtask <paramref name="index"/> of <paramref name="total"/> items starting at <paramref name="first"/>.</summary>
    public static (long Start, ulong Count) SplitRange(long first, ulong total, int index, int parallelism)
    {
        // 128-bit products: total * index overflows 64 bits for large ranges.
        var begin = (ulong)((UInt128)total * (uint)index / (uint)parallelism);
        var end = (ulong)((UInt128)total * (uint)(index + 1) / (uint)parallelism);
        return (first + (long)begin, end - begin);
    }

    /// <summary>Emits the cursor's indices, one per poll.</summary>
    private sealed class SequenceReader(SequenceCursor cursor) : ISourceReader<long>
    {
        public InputStatus PollNext(ISourceOutput<long> output)
        {
            if (!cursor.TryNext(out var number))
                return InputStatus.EndOfInput;
            output.Collect(number);
            return InputStatus.MoreAvailable;
        }

        public Task WaitForAvailabilityAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public int? AssignedSplits => cursor.SplitCount;

        public byte[] SnapshotState(long checkpointId) => cursor.SnapshotState();

        public void Dispose() { }
    }
}

namespace ActorStream.Graph.Sources;

/// <summary>
/// Shares sequence splits among subtasks and writes them into reader state. Every subtask computes
/// its share of the same union from its index alone, so no two subtasks read the same index.
/// </summary>
public static class SequenceSplits
{
    /// <summary>
    /// The splits the reader of <paramref name="context"/> reads: its share of the whole
    /// <paramref name="sequence"/> on a fresh start, or of the union of the restored readers' splits.
    /// </summary>
    public static IReadOnlyList<SequenceSplit> ForReader(SourceReaderContext context, SequenceSplit sequence)
    {
        IEnumerable<SequenceSplit> splits = context.IsRestored ? context.RestoredState.SelectMany(Read) : [sequence];
        return Assign(splits, context.SubtaskIndex, context.Parallelism);
    }

    /// <summary>
    /// As <see cref="ForReader"/>, but a fresh start gives the reader of subtask s of p the indices s, s + p, s + 2p, ... of
    /// <paramref name="sequence"/> (bounded or not), so that all readers advance through the sequence together. A restored
    /// reader shares the restored splits out as <see cref="ForReader"/> does.
    /// </summary>
    public static IReadOnlyList<SequenceSplit> InterleavedForReader(SourceReaderContext context, SequenceSplit sequence)
    {
        if (context.IsRestored)
            return ForReader(context, sequence);
        var (index, parallelism) = ((ulong)context.SubtaskIndex, (ulong)context.Parallelism);
        var first = sequence.Skip(Math.Min(index, sequence.Remaining ?? index));
        // Of the indices left after skipping the first ones, every parallelism-th: ceil(left / parallelism) of them.
        var remaining = first.Remaining is { } left ? (left + parallelism - 1) / parallelism : (ulong?)null;
        return [new SequenceSplit(first.Next, sequence.Step * (long)parallelism, remaining)];
    }

    /// <summary>
    /// Subtask <paramref name="index"/>'s share of <paramref name="splits"/>. Bounded splits are
    /// concatenated in index order and cut into <paramref name="parallelism"/> contiguous shares that
    /// differ by at most one index. Endless splits go round robin, each cut into strided parts first
    /// when there are fewer splits than subtasks.
    /// </summary>
    public static IReadOnlyList<SequenceSplit> Assign(IEnumerable<SequenceSplit> splits, int index, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, parallelism);
        // Sorted, so the result does not depend on the order the states were restored in.
        var live = splits.Where(s => !s.IsEmpty).OrderBy(s => s.Next).ThenBy(s => s.Step).ToList();
        if (live.Count == 0)
            return [];
        var endless = live.Count(s => s.Remaining is null);
        if (endless == 0)
            return ShareBounded(live, index, parallelism);
        if (endless == live.Count)
            return ShareEndless(live, index, parallelism);
        throw new InvalidOperationException("A sequence source cannot mix bounded and endless splits.");
    }

    /// <summary>Serializes <paramref name="splits"/> as reader state.</summary>
    public static byte[] Write(IEnumerable<SequenceSplit> splits)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            var list = splits.ToList();
            writer.Write(list.Count);
            foreach (var split in list)
            {
                writer.Write(split.Next);
                writer.Write(split.Step);
                writer.Write(split.Remaining is not null);
                writer.Write(split.Remaining ?? 0);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads the splits <see cref="Write"/> wrote.</summary>
    public static IReadOnlyList<SequenceSplit> Read(byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        var splits = new SequenceSplit[reader.ReadInt32()];
        for (var i = 0; i < splits.Length; i++)
        {
            var next = reader.ReadInt64();
            var step = reader.ReadInt64();
            var bounded = reader.ReadBoolean();
            var remaining = reader.ReadUInt64();
            splits[i] = new SequenceSplit(next, step, bounded ? remaining : null);
        }
        return splits;
    }

    private static List<SequenceSplit> ShareBounded(List<SequenceSplit> splits, int index, int parallelism)
    {
        // The sum cannot overflow: the splits are disjoint parts of one sequence of at most 2^64 - 1 indices.
        var total = splits.Aggregate(0UL, (sum, s) => sum + s.Remaining!.Value);
        var begin = (ulong)((UInt128)total * (uint)index / (uint)parallelism);
        var end = (ulong)((UInt128)total * (uint)(index + 1) / (uint)parallelism);
        var share = new List<SequenceSplit>();
        var offset = 0UL;
        foreach (var split in splits)
        {
            var count = split.Remaining!.Value;
            var from = Math.Max(begin, offset);
            var to = Math.Min(end, offset + count);
            if (from < to)
                share.Add(split.Skip(from - offset).Take(to - from));
            offset += count;
        }
        return share;
    }

    private static List<SequenceSplit> ShareEndless(List<SequenceSplit> splits, int index, int parallelism)
    {
        if (splits.Count < parallelism)
        {
            // Split each into m strided parts: (n, s) becomes (n, m*s), (n + s, m*s), ..., covering the same indices.
            var parts = (parallelism + splits.Count - 1) / splits.Count;
            splits = splits
                .SelectMany(s => Enumerable.Range(0, parts).Select(i => new SequenceSplit(s.Next + i * s.Step, s.Step * parts, null)))
                .OrderBy(s => s.Next).ThenBy(s => s.Step)
                .ToList();
        }
        return splits.Where((_, i) => i % parallelism == index).ToList();
    }
}

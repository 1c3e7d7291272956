namespace ActorStream.Graph.Sources;

/// <summary>
/// The unread indices <see cref="Next"/>, Next + <see cref="Step"/>, ... of an index sequence:
/// <see cref="Remaining"/> of them, or endless when null. A sequence source's position is the list
/// of its splits, so a restored run can share them out again at any parallelism.
/// </summary>
public readonly record struct SequenceSplit(long Next, long Step, ulong? Remaining)
{
    /// <summary>True when no index is left.</summary>
    public bool IsEmpty => Remaining == 0;

    /// <summary>The split without its first <paramref name="count"/> indices (a bounded split keeps at least none).</summary>
    public SequenceSplit Skip(ulong count) =>
        new(unchecked(Next + (long)count * Step), Step, Remaining - count);

    /// <summary>The first <paramref name="count"/> indices of this split.</summary>
    public SequenceSplit Take(ulong count) => this with { Remaining = count };
}

using ActorStream.Graph.Sources;
using FsCheck;
using FsCheck.Xunit;

namespace ActorStream.Graph.Tests.Sources;

public sealed class NumberSequenceSourceTests
{
    [Fact]
    public void A_sequence_ending_below_its_start_should_be_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new NumberSequenceSource(5, 4));

        Assert.Equal("to", error.ParamName);
    }

    [Fact]
    public void A_sequence_should_be_bounded_and_any_parallelism()
    {
        ISource<long> source = new NumberSequenceSource(1, 2);

        Assert.Equal(Boundedness.Bounded, source.Boundedness);
        Assert.Null(source.MaxParallelism);
    }

    [Property(MaxTest = 500)]
    public void Shares_should_tile_the_range_in_subtask_order_and_differ_by_at_most_one(int first, PositiveInt total, PositiveInt p)
    {
        var count = (ulong)(total.Get % 1_000_000);
        var parallelism = (p.Get - 1) % 256 + 1;
        var shares = Enumerable.Range(0, parallelism).Select(i => NumberSequenceSource.SplitRange(first, count, i, parallelism)).ToList();

        var next = (long)first;
        foreach (var (start, size) in shares)
        {
            Assert.Equal(next, start);
            next = start + (long)size;
        }
        Assert.Equal(first + (long)count, next);
        Assert.True(shares.Max(s => s.Count) - shares.Min(s => s.Count) <= 1);
    }

    [Fact]
    public void Shares_of_a_huge_range_should_still_tile_it()
    {
        // FromSequence(0, long.MaxValue), a common way to generate an endless-looking stream, over 4 subtasks.
        const ulong total = 1UL << 63;
        var shares = Enumerable.Range(0, 4).Select(i => NumberSequenceSource.SplitRange(0, total, i, 4));

        Assert.Equal([(0L, 1UL << 61), (1L << 61, 1UL << 61), (1L << 62, 1UL << 61), (3L << 61, 1UL << 61)], shares);
    }
}

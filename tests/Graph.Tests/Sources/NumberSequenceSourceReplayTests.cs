using ActorStream.Graph.Sources;
using FsCheck;
using FsCheck.Xunit;

namespace ActorStream.Graph.Tests.Sources;

public sealed class NumberSequenceSourceReplayTests
{
    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 5)]
    [InlineData(4, 1)]
    public void Restored_readers_should_emit_exactly_the_numbers_not_emitted_before(int parallelism, int restoredParallelism)
    {
        var source = new NumberSequenceSource(1, 20);

        // Reader i emits i + 1 numbers before the snapshot.
        var (before, states) = SourceReplay.ReadThenSnapshot(source, parallelism, i => i + 1);
        var after = SourceReplay.ReadRestored(source, states, restoredParallelism);

        Assert.Equal(Enumerable.Range(1, parallelism).Sum(), before.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i).Except(before), after.Order());
        Assert.Equal(20, before.Concat(after).Distinct().Count());
        Assert.Equal(20, before.Count + after.Count);
    }

    [Fact]
    public void Rescaled_readers_should_split_what_is_left_evenly_and_in_order()
    {
        var source = new NumberSequenceSource(0, 9);
        // Subtask 0 of 2 read 0..4 entirely, subtask 1 read 5 and 6 of 5..9: 7, 8, 9 are left.
        var (_, states) = SourceReplay.ReadThenSnapshot(source, 2, i => i == 0 ? 5 : 2);

        var shares = Enumerable.Range(0, 3).Select(i => SourceReplay.Read(SourceReplay.Open(source, i, 3, states))).ToList();

        Assert.Equal(new List<long>[] { [7], [8], [9] }, shares);
    }

    [Fact]
    public void Finished_readers_should_stay_finished_through_later_restores()
    {
        var source = new NumberSequenceSource(1, 6);
        var (first, states) = SourceReplay.ReadThenSnapshot(source, 2, _ => int.MaxValue);

        var (second, again) = SourceReplay.ReadThenSnapshot(source, 3, _ => int.MaxValue, states);

        Assert.Equal([1L, 2, 3, 4, 5, 6], first);
        Assert.Empty(second);
        Assert.Empty(SourceReplay.ReadRestored(source, again, 1));
    }

    [Property(MaxTest = 200)]
    public void Any_chain_of_restores_at_any_parallelism_should_emit_every_number_exactly_once(
        PositiveInt count, PositiveInt p1, PositiveInt p2, PositiveInt p3, int seed)
    {
        var total = count.Get % 300 + 1;
        var source = new NumberSequenceSource(-5, -5 + total - 1);
        var random = new Random(seed);
        int[] parallelisms = [p1.Get % 6 + 1, p2.Get % 6 + 1, p3.Get % 6 + 1];

        var emitted = new List<long>();
        IReadOnlyList<byte[]>? states = null;
        foreach (var parallelism in parallelisms)
        {
            var run = SourceReplay.ReadThenSnapshot(source, parallelism, _ => random.Next(0, total / 2 + 2), states);
            emitted.AddRange(run.Emitted);
            states = run.States;
        }
        emitted.AddRange(SourceReplay.ReadRestored(source, states!, random.Next(1, 5)));

        Assert.Equal(Enumerable.Range(-5, total).Select(i => (long)i), emitted.Order());
    }
}

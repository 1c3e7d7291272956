using ActorStream.Connectors.Generator;
using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.Generator;

public sealed class GeneratorReplayTests
{
    private readonly ManualTimeProvider _clock = new();

    private static ISourceReader<long> Open(GeneratorSource<long> source, int subtask, int parallelism, IReadOnlyList<byte[]> restored,
        TimeProvider? time = null) =>
        source.CreateReader(new SourceReaderContext(subtask, parallelism, time ?? TimeProvider.System) { RestoredState = restored });

    /// <summary>Polls until at least <paramref name="atLeast"/> elements came (a poll emits a burst) or the input ends.</summary>
    private static List<long> Read(ISourceReader<long> reader, int atLeast)
    {
        var output = new CollectingOutput<long>();
        while (output.Values.Count < atLeast && reader.PollNext(output) == InputStatus.MoreAvailable) { }
        return output.Values;
    }

    /// <summary>Runs <paramref name="parallelism"/> readers from <paramref name="restored"/>, reading about <paramref name="take"/> each, and snapshots them.</summary>
    private static (List<long> Emitted, List<byte[]> States) Run(GeneratorSource<long> source, int parallelism, int take, IReadOnlyList<byte[]> restored)
    {
        var emitted = new List<long>();
        var states = new List<byte[]>();
        for (var i = 0; i < parallelism; i++)
        {
            using var reader = Open(source, i, parallelism, restored);
            emitted.AddRange(Read(reader, take));
            states.Add(reader.SnapshotState(1));
        }
        return (emitted, states);
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(3, 3, false)]
    [InlineData(3, 2, false)]
    [InlineData(2, 5, false)]
    [InlineData(3, 3, true)]
    [InlineData(3, 2, true)]
    [InlineData(2, 5, true)]
    public void Restored_bounded_readers_should_generate_exactly_the_elements_not_generated_before(int parallelism, int restoredParallelism,
        bool interleaved)
    {
        var source = new GeneratorSource<long>(1000, i => i * 7) { Interleaved = interleaved };

        var (before, states) = Run(source, parallelism, take: 100, []);
        var (after, _) = Run(source, restoredParallelism, take: int.MaxValue, states);

        Assert.Equal(parallelism * GeneratorReader<long>.MaxBurst * 2, before.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 7L), before.Concat(after).Order());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(4, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 1)]
    public void Restored_unbounded_readers_should_continue_each_index_exactly_once(int parallelism, int restoredParallelism)
    {
        var source = new GeneratorSource<long>(null, i => i);
        // Readers read different amounts, so their positions differ.
        var before = new List<long>();
        var states = new List<byte[]>();
        for (var i = 0; i < parallelism; i++)
        {
            using var reader = Open(source, i, parallelism, []);
            before.AddRange(Read(reader, 64 * (i + 1)));
            states.Add(reader.SnapshotState(1));
        }

        var after = Enumerable.Range(0, restoredParallelism).Select(i =>
        {
            using var reader = Open(source, i, restoredParallelism, states);
            return Read(reader, 1000);
        }).ToList();

        var all = before.Concat(after.SelectMany(a => a)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        // Each restored reader emits its indices in order, so every index up to the lowest last one came exactly once.
        var covered = after.Min(a => a[^1]);
        Assert.Equal(Enumerable.Range(0, (int)covered + 1).Select(i => (long)i), all.Where(v => v <= covered).Order());
        Assert.True(covered >= 1000, $"only indices up to {covered} are covered");
    }

    [Fact]
    public void A_rescaled_unbounded_reader_should_emit_its_indices_in_order()
    {
        var source = new GeneratorSource<long>(null, i => i);
        var states = Enumerable.Range(0, 4).Select(i =>
        {
            using var reader = Open(source, i, 4, []);
            Read(reader, 64 * (i + 1));
            return reader.SnapshotState(1);
        }).ToList();

        // 4 strided splits over 3 readers: reader 0 holds two of them.
        using var merged = Open(source, 0, 3, states);
        var values = Read(merged, 300);

        Assert.Equal(values.Order(), values);
        Assert.Equal([0L, 3], values.Select(v => v % 4).Distinct().Order());
    }

    [Fact]
    public void A_rescaled_reader_should_get_the_rate_of_its_share_of_the_indices()
    {
        var source = new GeneratorSource<long>(null, i => i, recordsPerSecond: 400);
        var states = Enumerable.Range(0, 4).Select(i =>
        {
            using var reader = Open(source, i, 4, []);
            return reader.SnapshotState(1);
        }).ToList();

        // Reader 0 of 3 holds two of four strided splits: half the indices, so half the rate, 200/s.
        using var reader = Open(source, 0, 3, states, _clock);
        var output = new CollectingOutput<long>();
        reader.PollNext(output);
        _clock.Advance(TimeSpan.FromSeconds(1));
        while (reader.PollNext(output) == InputStatus.MoreAvailable) { }

        Assert.Equal(1 + 200, output.Values.Count);
    }
}

using ActorStream.Connectors.Generator;
using ActorStream.Connectors.Tests.TestDoubles;
using ActorStream.Graph;

namespace ActorStream.Connectors.Tests.Generator;

public sealed class GeneratorSourceTests
{
    private static GeneratorSource<(long Index, long Random, double Fraction)> RandomSource(long? count, long seed = 42) =>
        new(count, (i, rng) => (i, rng.NextInt64(), rng.NextDouble()), seed: seed);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(1)]
    public void Generator_should_produce_the_same_elements_at_every_parallelism(int parallelism)
    {
        var source = RandomSource(1000);
        var expected = Readers.ReadAll(source, 0, 1);

        var union = Enumerable.Range(0, parallelism).SelectMany(s => Readers.ReadAll(source, s, parallelism)).ToList();

        Assert.Equal(1000, expected.Count);
        Assert.Equal(expected, union);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(130)]
    public void Bounded_generator_should_emit_exactly_count_elements_then_end(long count)
    {
        var source = new GeneratorSource<long>(count, i => i * 10);

        var elements = Readers.ReadAll(source, 0, 1);

        Assert.Equal(Boundedness.Bounded, source.Boundedness);
        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => i * 10L), elements);
    }

    [Fact]
    public void Unbounded_generator_should_give_each_subtask_every_parallelism_th_index()
    {
        var source = RandomSource(count: null);
        var sequential = Readers.ReadAll(source, 0, 1, limit: 64);

        var second = Readers.ReadAll(source, 1, 3, limit: 5).Take(5).ToList();

        Assert.Equal(Boundedness.ContinuousUnbounded, source.Boundedness);
        Assert.Equal([1L, 4, 7, 10, 13], second.Select(e => e.Index));
        Assert.Equal(second, second.Select(e => sequential[(int)e.Index]));
    }

    [Theory]
    [InlineData(1000, 3)]
    [InlineData(1001, 3)]
    [InlineData(2, 3)]
    [InlineData(0, 2)]
    public void An_interleaved_bounded_generator_should_give_each_subtask_every_parallelism_th_index_and_all_of_them_once(long count, int parallelism)
    {
        var source = RandomSource(count);
        var interleaved = new GeneratorSource<(long Index, long Random, double Fraction)>(count, (i, rng) => (i, rng.NextInt64(), rng.NextDouble()), seed: 42)
        {
            Interleaved = true,
        };
        var sequential = Readers.ReadAll(source, 0, 1);

        var shares = Enumerable.Range(0, parallelism).Select(s => Readers.ReadAll(interleaved, s, parallelism)).ToList();

        for (var s = 0; s < parallelism; s++)
            Assert.Equal(Enumerable.Range(0, (int)count).Where(i => i % parallelism == s).Select(i => sequential[i]), shares[s]);
        Assert.Equal(Boundedness.Bounded, interleaved.Boundedness);
    }

    [Fact]
    public void Generator_should_emit_a_burst_per_poll()
    {
        var source = new GeneratorSource<long>(1000, i => i);
        var output = new CollectingOutput<long>();
        using var reader = source.CreateReader(new SourceReaderContext(0, 1, TimeProvider.System));

        Assert.Equal(InputStatus.MoreAvailable, reader.PollNext(output));

        Assert.Equal(GeneratorReader<long>.MaxBurst, output.Values.Count);
    }

    [Fact]
    public void Seed_should_decide_the_random_values()
    {
        var first = Readers.ReadAll(RandomSource(50, seed: 1), 0, 1);
        var again = Readers.ReadAll(RandomSource(50, seed: 1), 0, 1);
        var other = Readers.ReadAll(RandomSource(50, seed: 2), 0, 1);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(e => e.Random), other.Select(e => e.Random));
        Assert.Equal(50, first.Select(e => e.Random).Distinct().Count());
    }

    [Fact]
    public void Generator_should_reject_a_negative_count_or_rate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorSource<long>(-1, i => i));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorSource<long>(10, i => i, recordsPerSecond: 0));
    }
}

using ActorStream.Bench.Nexmark.Generator;

namespace ActorStream.Bench.Tests;

/// <summary>The port of java.util.Random against values printed by OpenJDK for the same seeds and calls.</summary>
public sealed class JavaRandomSpecs
{
    [Fact]
    public void Seed_42_should_give_the_values_java_util_Random_gives()
    {
        var random = new JavaRandom(42);

        Assert.Equal(-1170105035, random.NextInt());
        Assert.Equal(3, random.NextInt(10));
        Assert.Equal(48, random.NextInt(100));
        Assert.Equal(50268, random.NextInt(1 << 20)); // a power of two takes the multiply-shift path
        Assert.Equal(5694868678511409995L, random.NextLong());
        Assert.Equal(0.27707849007413665, random.NextDouble());
    }

    [Fact]
    public void A_negative_seed_and_large_bounds_should_give_the_values_java_util_Random_gives()
    {
        var random = new JavaRandom(-7);

        Assert.Equal(577934662, random.NextInt(1_000_000_007));
        Assert.Equal(1935951297, random.NextInt(int.MaxValue));
        Assert.Equal(-6028743012628894217L, random.NextLong());
        Assert.Equal(0.5214896372918163, random.NextDouble());
        Assert.Equal(0, random.NextInt(3));
    }

    [Fact]
    public void Seed_0_should_give_the_values_java_util_Random_gives()
    {
        var random = new JavaRandom(0);

        Assert.Equal(-1155484576, random.NextInt());
        Assert.Equal(0.8314409887870612, random.NextDouble());
    }

    [Fact]
    public void Next_int_with_a_bound_that_is_not_positive_should_throw()
    {
        var random = new JavaRandom(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }
}

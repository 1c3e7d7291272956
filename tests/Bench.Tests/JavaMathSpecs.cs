using ActorStream.Bench.Nexmark.Generator;

namespace ActorStream.Bench.Tests;

/// <summary>The java.lang helpers the channel URLs depend on, against OpenJDK's results.</summary>
public sealed class JavaMathSpecs
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, int.MinValue)]
    [InlineData(6, 1610612736)]
    [InlineData(9999, -253493248)]
    public void Reverse_bits_should_match_Integer_reverse(int value, int expected) => Assert.Equal(expected, JavaMath.ReverseBits(value));

    [Fact]
    public void Abs_of_int_min_value_should_stay_negative_as_in_java() => Assert.Equal(int.MinValue, JavaMath.Abs(int.MinValue));

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(2.5, 3)]
    [InlineData(2.4999999999999996, 2)]
    [InlineData(13.6, 14)]
    public void Round_should_round_half_up_as_java_Math_round(double value, long expected) => Assert.Equal(expected, JavaMath.Round(value));
}

namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>The few java.lang operations the reference generator relies on whose .NET counterparts differ.</summary>
internal static class JavaMath
{
    /// <summary>
    /// Java's <c>Math.round(double)</c> for the non-negative values the generator rounds: nearest, ties up.
    /// For x ≥ 0 that is <see cref="MidpointRounding.AwayFromZero"/>, which (unlike floor(x + 0.5)) is exact at every x.
    /// </summary>
    public static long Round(double value)
    {
        System.Diagnostics.Debug.Assert(value >= 0, "The generator only rounds non-negative values.");
        return (long)Math.Round(value, MidpointRounding.AwayFromZero);
    }

    /// <summary>Java's <c>Math.abs(int)</c>: int.MinValue stays int.MinValue instead of throwing.</summary>
    public static int Abs(int value) => value == int.MinValue ? value : Math.Abs(value);

    /// <summary>Java's <c>Integer.reverse</c>: the 32 bits in reverse order.</summary>
    public static int ReverseBits(int value)
    {
        var v = unchecked((uint)value);
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
        return unchecked((int)v);
    }
}

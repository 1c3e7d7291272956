namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>
/// java.util.Random ported bit for bit: the 48-bit linear congruential generator of Knuth's TAOCP 3.2.1
/// with Java's exact derivations for bounded ints, longs and doubles. The reference generator draws every
/// field from one of these seeded per event, so the same calls in the same order give the same values.
/// A struct, so each event's generator lives on the stack of whoever generates it.
/// </summary>
public struct JavaRandom
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Addend = 0xBL;
    private const long Mask = (1L << 48) - 1;
    private const double DoubleUnit = 1.0 / (1L << 53);

    private long _seed;

    /// <summary>A generator seeded as <c>new java.util.Random(seed)</c>.</summary>
    public JavaRandom(long seed) => _seed = (seed ^ Multiplier) & Mask;

    /// <summary>Java's <c>nextInt()</c>: 32 uniform bits.</summary>
    public int NextInt() => Next(32);

    /// <summary>Java's <c>nextInt(bound)</c>: uniform in [0, <paramref name="bound"/>), with Java's rejection loop.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var r = Next(31);
        var m = bound - 1;
        if ((bound & m) == 0)
            return unchecked((int)((bound * (long)r) >> 31));
        // Rejects the top partial range; u - r + m overflows to negative exactly there, as in Java's int arithmetic.
        for (var u = r; unchecked(u - (r = u % bound) + m) < 0; u = Next(31))
        {
        }
        return r;
    }

    /// <summary>Java's <c>nextLong()</c>: two 32-bit draws, the second added signed.</summary>
    public long NextLong() => unchecked(((long)Next(32) << 32) + Next(32));

    /// <summary>Java's <c>nextDouble()</c>: 53 bits scaled into [0, 1).</summary>
    public double NextDouble() => (((long)Next(26) << 27) + Next(27)) * DoubleUnit;

    private int Next(int bits)
    {
        _seed = unchecked(_seed * Multiplier + Addend) & Mask;
        return unchecked((int)(_seed >> (48 - bits)));
    }
}

namespace ActorStream.Connectors.Generator;

/// <summary>
/// Steele, Lea and Flood's SplitMix64: a stable, cheap 64-bit mixer. Unlike System.Random its
/// output is fixed by this code, so generated data stays the same across .NET versions.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment between consecutive states.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>The SplitMix64 output function (a variant of MurmurHash3's fmix64).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The seed of element <paramref name="index"/>: output number <paramref name="index"/> of a
    /// SplitMix64 stream seeded with <paramref name="seed"/>, reached without its predecessors.
    /// </summary>
    public static ulong SeedFor(long seed, long index) => Mix(unchecked((ulong)seed + ((ulong)index + 1) * Gamma));
}

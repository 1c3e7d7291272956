namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Bounded random longs, as the reference's LongGenerator.</summary>
internal static class LongGenerator
{
    /// <summary>A value in [0, <paramref name="n"/>): one <c>nextInt</c> when n fits an int, else the reference's skewed modulo.</summary>
    public static long NextLong(ref JavaRandom random, long n)
    {
        if (n < int.MaxValue)
            return random.NextInt((int)n);
        // The reference's own caveat: a skewed distribution; kept so the draws match.
        return Math.Abs(random.NextLong() % n);
    }
}

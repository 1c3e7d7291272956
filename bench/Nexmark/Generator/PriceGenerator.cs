namespace ActorStream.Bench.Nexmark.Generator;

/// <summary>Random prices in cents, log-uniform from $1 to $1,000,000, as the reference's PriceGenerator.</summary>
internal static class PriceGenerator
{
    /// <summary>Java's <c>Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0)</c>.</summary>
    public static long NextPrice(ref JavaRandom random) => JavaMath.Round(Math.Pow(10.0, random.NextDouble() * 6.0) * 100.0);
}

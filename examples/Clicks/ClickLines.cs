using ActorStream.Connectors.Formats;
using ActorStream.Connectors.Generator;
using ActorStream.Examples.Demo;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Amazon-style click events as JSON lines, for <c>actorstream produce clicks</c>: the demo's generator
/// (users, popular and long-tail items, clicks, carts and buys at catalog prices, some events up to 9 s
/// out of order, so some land behind the watermark and some past the allowed lateness, about 1 % with bad
/// values) plus about 0.5 % lines that are not JSON at all. Line i depends only on the seed and i.
/// </summary>
public sealed class ClickLines(long seed, long startMillis, double eventsPerSecond)
{
    private const long MaxDelayMillis = 9_000;

    private readonly ClickEventGenerator _generator = new(ProductCatalog.Create(200), users: 1_000, startMillis, eventsPerSecond, MaxDelayMillis);

    /// <summary>Line <paramref name="index"/> and its key (the item; none for a broken line).</summary>
    public (string? Key, string Line) Line(long index)
    {
        var random = new Random(unchecked((int)SplitMix64.SeedFor(seed, index)));
        var e = _generator.Generate(index, random);
        var line = JsonLines.Encode(e);
        return random.NextDouble() < 0.005 ? (null, line[..(line.Length / 2)]) : (e.Item, line);
    }
}

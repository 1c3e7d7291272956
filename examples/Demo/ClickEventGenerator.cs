using ActorStream.Examples.Clicks;

namespace ActorStream.Examples.Demo;

/// <summary>
/// Makes click event i from its own random stream: a user, a product by popularity, an action
/// (about 80 % clicks, 15 % add-to-carts, 5 % purchases) and the product's price, with about
/// 1 % malformed events for the pipeline to clean. Event i happens at a synthetic event time that
/// advances with i at a fixed rate, up to a bounded delay earlier (so events arrive slightly out of order).
/// </summary>
public sealed class ClickEventGenerator
{
    /// <summary>The share of events that are deliberately malformed.</summary>
    public const double MalformedShare = 0.01;

    private const double CartShare = 0.15;
    private const double BuyShare = 0.05;
    private const double DealShare = 0.1;

    private readonly ProductCatalog _catalog;
    private readonly string[] _users;
    private readonly long _startMillis;
    private readonly double _millisPerEvent;
    private readonly long _maxDelayMillis;

    /// <summary>
    /// Creates a generator of events on <paramref name="catalog"/> by <paramref name="users"/> users, timestamped from
    /// <paramref name="startMillis"/> at <paramref name="eventsPerSecond"/> of event time, each up to <paramref name="maxDelayMillis"/> early.
    /// </summary>
    public ClickEventGenerator(ProductCatalog catalog, int users, long startMillis, double eventsPerSecond, long maxDelayMillis = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(users);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelayMillis);
        _catalog = catalog;
        // Names are made once, so generating an event allocates only the event.
        _users = Enumerable.Range(1, users).Select(u => $"user-{u:D4}").ToArray();
        _startMillis = startMillis;
        _millisPerEvent = 1000.0 / eventsPerSecond;
        _maxDelayMillis = maxDelayMillis;
    }

    /// <summary>Event <paramref name="index"/>, drawn from <paramref name="random"/>.</summary>
    public ClickEvent Generate(long index, Random random)
    {
        var product = _catalog.Sample(random.NextDouble());
        var user = _users[random.Next(_users.Length)];
        var draw = random.NextDouble();
        var buyShare = BuyShare * product.Conversion;
        var action = draw < buyShare ? ClickEvent.Buy : draw < buyShare + CartShare ? ClickEvent.Cart : ClickEvent.Click;
        var price = random.NextDouble() < DealShare ? Math.Round(product.Price * 0.85m, 2) : product.Price;
        var delay = _maxDelayMillis > 0 ? random.NextInt64(_maxDelayMillis + 1) : 0;
        var e = new ClickEvent
        {
            User = user,
            Item = product.Name,
            Action = action,
            Price = price,
            Ts = _startMillis + (long)(index * _millisPerEvent) - delay,
        };
        return random.NextDouble() < MalformedShare ? Corrupt(e, random) : e;
    }

    /// <summary>Breaks <paramref name="e"/> the ways real feeds do: a lost item, a sign error, an unknown action, no user.</summary>
    private static ClickEvent Corrupt(ClickEvent e, Random random) => random.Next(4) switch
    {
        0 => e with { Item = "" },
        1 => e with { Price = -e.Price },
        2 => e with { Action = "purchase?" },
        _ => e with { User = "" },
    };
}

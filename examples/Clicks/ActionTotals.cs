namespace ActorStream.Examples.Clicks;

/// <summary>Actions by kind and the revenue of the purchases among them: the accumulator of one item's window.</summary>
public sealed record ActionTotals(long Clicks, long Carts, long Buys, decimal Revenue)
{
    /// <summary>No actions.</summary>
    public static ActionTotals Empty { get; } = new(0, 0, 0, 0m);

    /// <summary>These totals with <paramref name="e"/> counted in.</summary>
    public ActionTotals Add(ClickEvent e) => e.Action switch
    {
        ClickEvent.Click => this with { Clicks = Clicks + 1 },
        ClickEvent.Cart => this with { Carts = Carts + 1 },
        ClickEvent.Buy => this with { Buys = Buys + 1, Revenue = Revenue + e.Price },
        _ => throw new ArgumentException($"Unknown action '{e.Action}'; validate events before totalling them.", nameof(e)),
    };

    /// <summary>The totals of both.</summary>
    public ActionTotals Plus(ActionTotals other) =>
        new(Clicks + other.Clicks, Carts + other.Carts, Buys + other.Buys, Revenue + other.Revenue);
}

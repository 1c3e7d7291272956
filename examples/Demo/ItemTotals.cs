namespace ActorStream.Examples.Demo;

/// <summary>The running totals of one item: actions by kind and the revenue of its purchases.</summary>
public sealed record ItemTotals(string Item, long Clicks, long Carts, long Buys, decimal Revenue)
{
    /// <summary>No actions yet on <paramref name="item"/>.</summary>
    public static ItemTotals Empty(string item) => new(item, 0, 0, 0, 0m);

    /// <summary>These totals with <paramref name="e"/> counted in.</summary>
    public ItemTotals Add(ClickEvent e) => e.Action switch
    {
        ClickEvent.Click => this with { Clicks = Clicks + 1 },
        ClickEvent.Cart => this with { Carts = Carts + 1 },
        ClickEvent.Buy => this with { Buys = Buys + 1, Revenue = Revenue + e.Price },
        _ => throw new ArgumentException($"Unknown action '{e.Action}'; clean events before totalling them.", nameof(e)),
    };

    /// <summary>Orders by revenue, then buys, then clicks (all descending), then by name.</summary>
    public static IComparer<ItemTotals> ByRevenue { get; } = Comparer<ItemTotals>.Create((a, b) =>
    {
        var order = b.Revenue.CompareTo(a.Revenue);
        if (order == 0)
            order = b.Buys.CompareTo(a.Buys);
        if (order == 0)
            order = b.Clicks.CompareTo(a.Clicks);
        return order != 0 ? order : string.CompareOrdinal(a.Item, b.Item);
    });
}

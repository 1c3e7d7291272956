using ActorStream.Examples.Clicks;

namespace ActorStream.Examples.Demo;

/// <summary>An item's actions by kind and the revenue of its purchases, in one window or summed over several.</summary>
public sealed record ItemTotals(string Item, long Clicks, long Carts, long Buys, decimal Revenue)
{
    /// <summary>The totals of <paramref name="window"/> without the window.</summary>
    public static ItemTotals Of(ItemWindowTotals window) =>
        new(window.Item, window.Clicks, window.Carts, window.Buys, window.Revenue);

    /// <summary>These totals with <paramref name="window"/>'s added (the same item).</summary>
    public ItemTotals Plus(ItemWindowTotals window) =>
        this with { Clicks = Clicks + window.Clicks, Carts = Carts + window.Carts, Buys = Buys + window.Buys, Revenue = Revenue + window.Revenue };

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

using ActorStream.Graph.Windowing;

namespace ActorStream.Examples.Clicks;

/// <summary>One item's totals in the event-time window [<paramref name="WindowStart"/>, <paramref name="WindowEnd"/>) when the window fired.</summary>
public sealed record ItemWindowTotals(string Item, long WindowStart, long WindowEnd, long Clicks, long Carts, long Buys, decimal Revenue)
{
    /// <summary>The totals <paramref name="totals"/> of <paramref name="item"/> in <paramref name="window"/>.</summary>
    public static ItemWindowTotals Of(string item, TimeWindow window, ActionTotals totals) =>
        new(item, window.Start, window.End, totals.Clicks, totals.Carts, totals.Buys, totals.Revenue);
}

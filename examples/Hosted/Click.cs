namespace ActorStream.Examples.Hosted;

/// <summary>A click posted to the app: who, which item, when (epoch ms).</summary>
public sealed record Click(string User, string Item, long Ts);

/// <summary>How often an item was clicked in one window, as the job hands it to the item's entity.</summary>
public sealed record ItemWindowCount(string Item, long WindowStart, long Clicks);

/// <summary>Asks an item's entity for its totals.</summary>
public sealed record GetItemTotals(string Item);

/// <summary>An item's clicks per window (start epoch ms) and in all.</summary>
public sealed record ItemTotals(string Item, IReadOnlyDictionary<long, long> Windows, long Clicks);

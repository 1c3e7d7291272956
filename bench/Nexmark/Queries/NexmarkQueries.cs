namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>The Nexmark queries implemented so far, by name.</summary>
public static class NexmarkQueries
{
    /// <summary>Every query, in order.</summary>
    public static IReadOnlyList<NexmarkQuery> All { get; } =
    [
        new Q0PassThrough(), new Q1CurrencyConversion(), new Q2Selection(), new Q3LocalItemSuggestion(),
        new Q4AveragePriceForCategory(), new Q5HotItems(), new Q7HighestBid(), new Q8MonitorNewUsers(), new Q11UserSessions(),
    ];

    /// <summary>The query named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static NexmarkQuery? Find(string name) =>
        All.FirstOrDefault(query => string.Equals(query.Name, name, StringComparison.OrdinalIgnoreCase));
}

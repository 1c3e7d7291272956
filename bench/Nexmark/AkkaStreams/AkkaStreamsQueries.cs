namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>The queries written on Akka.Streams, by name.</summary>
public static class AkkaStreamsQueries
{
    /// <summary>Every query with an Akka.Streams form, in order.</summary>
    public static IReadOnlyList<AkkaStreamsQuery> All { get; } =
    [
        new Q0PassThroughFlow(), new Q1CurrencyConversionFlow(), new Q2SelectionFlow(), new Q3LocalItemSuggestionFlow(),
        new Q4AveragePriceForCategoryFlow(), new Q5HotItemsFlow(), new Q7HighestBidFlow(), new Q8MonitorNewUsersFlow(),
        new Q11UserSessionsFlow(),
    ];

    /// <summary>The query named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static AkkaStreamsQuery? Find(string name) =>
        All.FirstOrDefault(query => string.Equals(query.Name, name, StringComparison.OrdinalIgnoreCase));
}

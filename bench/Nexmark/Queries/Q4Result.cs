namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q4: <c>id, final</c>, a category and the average winning bid of its auctions.</summary>
/// <param name="Id">The category.</param>
/// <param name="Final">AVG of the auctions' highest bids in cents, as Flink's AVG over BIGINT: the sum divided by the count, truncated.</param>
public sealed record Q4Result(long Id, long Final);

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q5: <c>auction, num</c>, an auction with the most bids in one hopping window.</summary>
/// <param name="Auction">The auction.</param>
/// <param name="Num">Its number of bids in the window, the window's maximum.</param>
public sealed record Q5Result(long Auction, long Num);

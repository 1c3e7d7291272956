namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q2: <c>auction, price</c>.</summary>
/// <param name="Auction">The auction bid on, a multiple of 123.</param>
/// <param name="Price">The bid in cents.</param>
public sealed record Q2Result(long Auction, long Price);

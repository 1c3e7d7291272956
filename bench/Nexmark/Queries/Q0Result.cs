namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q0: the bid's columns <c>auction, bidder, price, dateTime, extra</c>.</summary>
/// <param name="Auction">The auction bid on.</param>
/// <param name="Bidder">The bidder.</param>
/// <param name="Price">The bid in cents.</param>
/// <param name="DateTime">When the bid was placed, in epoch milliseconds.</param>
/// <param name="Extra">The bid's padding.</param>
public sealed record Q0Result(long Auction, long Bidder, long Price, long DateTime, string Extra);

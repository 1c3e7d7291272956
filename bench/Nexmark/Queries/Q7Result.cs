namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q7: <c>auction, price, bidder, dateTime, extra</c>, a bid at the highest price of a 10 s window.</summary>
/// <param name="Auction">The auction bid on.</param>
/// <param name="Price">The bid in cents, the window's highest.</param>
/// <param name="Bidder">The bidder.</param>
/// <param name="DateTime">When the bid was placed, in epoch milliseconds.</param>
/// <param name="Extra">The bid's padding.</param>
public sealed record Q7Result(long Auction, long Price, long Bidder, long DateTime, string Extra);

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q1: <c>auction, bidder, price, dateTime, extra</c> with the price in euros.</summary>
/// <param name="Auction">The auction bid on.</param>
/// <param name="Bidder">The bidder.</param>
/// <param name="Price">The bid times 0.908, a DECIMAL(23, 3): always exactly three decimal places.</param>
/// <param name="DateTime">When the bid was placed, in epoch milliseconds.</param>
/// <param name="Extra">The bid's padding.</param>
public sealed record Q1Result(long Auction, long Bidder, decimal Price, long DateTime, string Extra);

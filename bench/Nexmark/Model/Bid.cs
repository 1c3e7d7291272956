namespace ActorStream.Bench.Nexmark.Model;

/// <summary>A bid on an auction, as the reference's <c>bid</c> row; <paramref name="DateTime"/> is in epoch milliseconds.</summary>
/// <param name="Auction">The id of the auction bid on.</param>
/// <param name="Bidder">The bidding person's id.</param>
/// <param name="Price">The bid in cents.</param>
/// <param name="Channel">Where the bid came from: a hot channel such as "Google", or "channel-N".</param>
/// <param name="Url">The page the bid was placed on.</param>
/// <param name="DateTime">When the bid was placed, in epoch milliseconds.</param>
/// <param name="Extra">Padding that brings the event to its configured average size.</param>
public sealed record Bid(long Auction, long Bidder, long Price, string Channel, string Url, long DateTime, string Extra);

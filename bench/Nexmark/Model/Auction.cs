namespace ActorStream.Bench.Nexmark.Model;

/// <summary>An item put up for auction, as the reference's <c>auction</c> row; times are epoch milliseconds.</summary>
/// <param name="Id">The auction's id, from <see cref="Generator.GeneratorConfig.FirstAuctionId"/> upwards.</param>
/// <param name="ItemName">A short random name.</param>
/// <param name="Description">A longer random text.</param>
/// <param name="InitialBid">The opening price in cents.</param>
/// <param name="Reserve">The reserve price in cents, above the initial bid.</param>
/// <param name="DateTime">When the auction opened, in epoch milliseconds.</param>
/// <param name="Expires">When the auction closes, in epoch milliseconds.</param>
/// <param name="Seller">The selling person's id.</param>
/// <param name="Category">The category id, from <see cref="Generator.GeneratorConfig.FirstCategoryId"/> upwards.</param>
/// <param name="Extra">Padding that brings the event to its configured average size.</param>
public sealed record Auction(
    long Id, string ItemName, string Description, long InitialBid, long Reserve, long DateTime, long Expires, long Seller,
    long Category, string Extra);

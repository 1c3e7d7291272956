using System.Text.Json.Serialization;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>A row of q11: <c>bidder, bid_count, starttime, endtime</c>, one bidder's session.</summary>
/// <param name="Bidder">The bidder.</param>
/// <param name="BidCount">Its bids in the session.</param>
/// <param name="Starttime">SESSION_START: the session's first bid, in epoch milliseconds.</param>
/// <param name="Endtime">SESSION_END: the session's last bid plus the gap, in epoch milliseconds.</param>
public sealed record Q11Result(
    long Bidder, [property: JsonPropertyName("bid_count")] long BidCount, long Starttime, long Endtime);

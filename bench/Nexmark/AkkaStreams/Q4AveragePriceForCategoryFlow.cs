using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q4 on Akka.Streams: a <c>StatefulSelectMany</c> joins bids with their auction (bids that come before it wait) and
/// emits each rise of an auction's highest bid in time; <c>GroupBy</c> the category, <c>Aggregate</c> the winning bids
/// into a sum and a count, which emits at the end of input, and <c>MergeSubstreams</c>: one row per category with
/// its final average, as the other engines write.
/// </summary>
public sealed class Q4AveragePriceForCategoryFlow : AkkaStreamsQuery<Q4Result>
{
    /// <summary>The most categories the grouping opens substreams for; the generator draws 5.</summary>
    public const int MaxCategories = 1_000;

    /// <inheritdoc />
    public override string Name => "q4";

    /// <inheritdoc />
    protected override Flow<Event, Q4Result, NotUsed> CreateFlow() =>
        // MergeSubstreams is typed as the IFlow interface; on a sub-flow of a Flow it returns a Flow.
        (Flow<Event, Q4Result, NotUsed>)Flow.Create<Event>()
            .Where(e => e.Type != EventType.Person)
            .StatefulSelectMany<Event, Event, HigherBid, NotUsed>(() => new WinningBids().Offer)
            .GroupBy(MaxCategories, higher => higher.Category)
            .Aggregate(CategoryAverage.Empty, (average, higher) => average.Add(higher))
            .Select(average => new Q4Result(average.Category, average.Sum / average.Count))
            .MergeSubstreams();

    /// <summary>An auction's highest bid in time rose to <paramref name="Price"/> from <paramref name="Previous"/> (null: its first).</summary>
    public sealed record HigherBid(long Category, long Price, long? Previous);

    /// <summary>
    /// A category's sum and count of winning bids; immutable, as <c>Aggregate</c>'s zero is shared by every substream.
    /// </summary>
    public readonly record struct CategoryAverage(long Category, long Sum, long Count)
    {
        /// <summary>No winning bid yet.</summary>
        public static CategoryAverage Empty => default;

        /// <summary>The average with an auction's winning bid raised as <paramref name="higher"/> says.</summary>
        public CategoryAverage Add(HigherBid higher) => higher.Previous is { } previous
            ? new(higher.Category, Sum + higher.Price - previous, Count)
            : new(higher.Category, Sum + higher.Price, Count + 1);
    }

    /// <summary>The join's state for one materialization: the auctions seen, their highest bids, bids waiting for their auction.</summary>
    private sealed class WinningBids
    {
        private readonly Dictionary<long, Auction> _auctions = [];
        private readonly Dictionary<long, long> _highest = [];
        private readonly Dictionary<long, List<(long DateTime, long Price)>> _waiting = [];

        public IEnumerable<HigherBid> Offer(Event e)
        {
            if (e.Bid is { } bid)
            {
                if (_auctions.TryGetValue(bid.Auction, out var auction))
                    return Raise(auction, bid.DateTime, bid.Price) is { } higher ? [higher] : [];
                if (_waiting.TryGetValue(bid.Auction, out var bids))
                    bids.Add((bid.DateTime, bid.Price));
                else
                    _waiting[bid.Auction] = [(bid.DateTime, bid.Price)];
                return [];
            }
            var opened = e.Auction!;
            _auctions[opened.Id] = opened;
            if (!_waiting.Remove(opened.Id, out var waiting))
                return [];
            var raises = new List<HigherBid>();
            foreach (var (dateTime, price) in waiting)
            {
                if (Raise(opened, dateTime, price) is { } higher)
                    raises.Add(higher);
            }
            return raises;
        }

        /// <summary>The rise of the auction's highest bid in time that this bid makes, or null.</summary>
        private HigherBid? Raise(Auction auction, long dateTime, long price)
        {
            // B.dateTime BETWEEN A.dateTime AND A.expires
            if (dateTime < auction.DateTime || dateTime > auction.Expires)
                return null;
            long? previous = _highest.TryGetValue(auction.Id, out var highest) ? highest : null;
            if (price <= previous)
                return null;
            _highest[auction.Id] = price;
            return new HigherBid(auction.Category, price, previous);
        }
    }
}

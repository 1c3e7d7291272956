using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>Query 2, selection: <c>SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0</c>.</summary>
public sealed class Q2Selection : NexmarkQuery<Q2Result>
{
    /// <summary>The query keeps bids on every this-many-th auction.</summary>
    public const long AuctionModulus = 123;

    /// <inheritdoc />
    public override string Name => "q2";

    /// <inheritdoc />
    public override string Title => "selection";

    /// <inheritdoc />
    public override string Description => "Selection: auction and price of the bids on every 123rd auction.";

    /// <inheritdoc />
    protected override DataStream<Q2Result> Apply(DataStream<Event> events) =>
        events.Filter(e => e.Bid is { } bid && bid.Auction % AuctionModulus == 0).Name("bids-on-every-123rd").Uid("bids-on-every-123rd")
            .Map(e => new Q2Result(e.Bid!.Auction, e.Bid.Price)).Name("q2").Uid("q2");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q2Result> output)
    {
        for (long i = 0; i < events; i++)
        {
            if (generator.Generate(i).Bid is { } bid && bid.Auction % AuctionModulus == 0)
                output.Collect(new Q2Result(bid.Auction, bid.Price));
        }
    }
}

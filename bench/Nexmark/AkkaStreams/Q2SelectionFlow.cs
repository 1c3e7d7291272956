using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>q2 on Akka.Streams: <c>Where</c> the event is a bid on every 123rd auction, <c>Select</c> auction and price.</summary>
public sealed class Q2SelectionFlow : AkkaStreamsQuery<Q2Result>
{
    /// <inheritdoc />
    public override string Name => "q2";

    /// <inheritdoc />
    protected override Flow<Event, Q2Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>()
            .Where(e => e.Bid is { } bid && bid.Auction % Q2Selection.AuctionModulus == 0)
            .Select(e => new Q2Result(e.Bid!.Auction, e.Bid.Price));
}

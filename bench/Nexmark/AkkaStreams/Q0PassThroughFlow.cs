using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>q0 on Akka.Streams: <c>Where</c> the event is a bid, <c>Select</c> its columns.</summary>
public sealed class Q0PassThroughFlow : AkkaStreamsQuery<Q0Result>
{
    /// <inheritdoc />
    public override string Name => "q0";

    /// <inheritdoc />
    protected override Flow<Event, Q0Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>()
            .Where(e => e.Type == EventType.Bid)
            .Select(e => new Q0Result(e.Bid!.Auction, e.Bid.Bidder, e.Bid.Price, e.Bid.DateTime, e.Bid.Extra));
}

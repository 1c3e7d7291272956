using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>q1 on Akka.Streams: <c>Where</c> the event is a bid, <c>Select</c> it with its price times 0.908.</summary>
public sealed class Q1CurrencyConversionFlow : AkkaStreamsQuery<Q1Result>
{
    /// <inheritdoc />
    public override string Name => "q1";

    /// <inheritdoc />
    protected override Flow<Event, Q1Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>()
            .Where(e => e.Type == EventType.Bid)
            .Select(e => new Q1Result(e.Bid!.Auction, e.Bid.Bidder, Q1CurrencyConversion.DollarToEuro * e.Bid.Price, e.Bid.DateTime, e.Bid.Extra));
}

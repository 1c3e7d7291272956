using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 1, currency conversion: <c>SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid</c>.
/// In Flink, DECIMAL(4, 3) times BIGINT is DECIMAL(23, 3): the product of a whole number of cents and 0.908 is exact
/// at three places, so no rounding mode comes into play. .NET decimal multiplication adds the scales the same way.
/// </summary>
public sealed class Q1CurrencyConversion : NexmarkQuery<Q1Result>
{
    /// <summary>Dollars to euros, at scale 3.</summary>
    public const decimal DollarToEuro = 0.908m;

    /// <inheritdoc />
    public override string Name => "q1";

    /// <inheritdoc />
    public override string Title => "currency conversion";

    /// <inheritdoc />
    public override string Description => "Currency conversion: every bid with its price times 0.908 (DECIMAL(23, 3)).";

    /// <inheritdoc />
    protected override DataStream<Q1Result> Apply(DataStream<Event> events) =>
        events.Filter(e => e.Type == EventType.Bid).Name("bids").Uid("bids")
            .Map(e => Convert(e.Bid!)).Name("q1").Uid("q1");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q1Result> output)
    {
        for (long i = 0; i < events; i++)
        {
            if (generator.Generate(i).Bid is { } bid)
                output.Collect(Convert(bid));
        }
    }

    private static Q1Result Convert(Bid bid) => new(bid.Auction, bid.Bidder, DollarToEuro * bid.Price, bid.DateTime, bid.Extra);
}

using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 0, pass-through: <c>SELECT auction, bidder, price, dateTime, extra FROM bid</c>. It measures the cost of
/// moving events through the engine.
/// </summary>
public sealed class Q0PassThrough : NexmarkQuery<Q0Result>
{
    /// <inheritdoc />
    public override string Name => "q0";

    /// <inheritdoc />
    public override string Title => "pass-through";

    /// <inheritdoc />
    public override string Description => "Pass-through: every bid's auction, bidder, price, dateTime and extra.";

    /// <inheritdoc />
    protected override DataStream<Q0Result> Apply(DataStream<Event> events) =>
        events.Filter(e => e.Type == EventType.Bid).Name("bids").Uid("bids")
            .Map(e => Project(e.Bid!)).Name("q0").Uid("q0");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q0Result> output)
    {
        for (long i = 0; i < events; i++)
        {
            if (generator.Generate(i).Bid is { } bid)
                output.Collect(Project(bid));
        }
    }

    private static Q0Result Project(Bid bid) => new(bid.Auction, bid.Bidder, bid.Price, bid.DateTime, bid.Extra);
}

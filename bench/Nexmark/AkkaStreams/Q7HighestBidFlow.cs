using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Bench.Nexmark.Queries.Functions;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q7 on Akka.Streams, which has no event-time windows: an <see cref="EventTimeStage{TOut}"/> keeps, per TUMBLE 10 s
/// window under its end, the highest price with its bids and the bids exactly at the end (BETWEEN is inclusive), and
/// emits the matching bids when the watermark reaches the end.
/// </summary>
public sealed class Q7HighestBidFlow : AkkaStreamsQuery<Q7Result>
{
    /// <inheritdoc />
    public override string Name => "q7";

    /// <inheritdoc />
    protected override Flow<Event, Q7Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>().Via(new EventTimeStage<Q7Result>("highest-bid", () => new HighestBid()));

    /// <summary>The open windows' <see cref="HighestBids"/>, under the windows' end.</summary>
    private sealed class HighestBid : EventTimeOperator<Q7Result>
    {
        private static readonly long Size = (long)Q7HighestBid.Size.TotalMilliseconds;

        private readonly LoopWindows<HighestBids> _windows = new();
        private readonly Action<long, HighestBids> _fire;

        public HighestBid() => _fire = (_, window) => Fire(window);

        public override void ProcessEvent(Event e, long watermark)
        {
            if (e.Bid is not { } bid)
                return;
            var start = bid.DateTime - bid.DateTime % Size;
            // Null for a late bid, whose window has fired: dropped.
            _windows.Get(start + Size, watermark)?.AddInWindow(bid);
            // A bid on a window's end also matches that window: BETWEEN end - 10 s AND end.
            if (start == bid.DateTime)
                _windows.Get(start, watermark)?.AtEnd.Add(bid);
        }

        public override void AdvanceWatermark(long watermark) => _windows.FireUpTo(watermark, _fire);

        private void Fire(HighestBids window)
        {
            foreach (var bid in window.Matches())
                Emit(new Q7Result(bid.Auction, bid.Price, bid.Bidder, bid.DateTime, bid.Extra));
        }
    }
}

using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q5 on Akka.Streams, which has no event-time windows: an <see cref="EventTimeStage{TOut}"/> counts bids per auction
/// in each HOP window (slide 2 s, size 10 s) and, when the watermark reaches the window's max timestamp, emits the
/// auctions whose count reaches the window's maximum.
/// </summary>
public sealed class Q5HotItemsFlow : AkkaStreamsQuery<Q5Result>
{
    /// <inheritdoc />
    public override string Name => "q5";

    /// <inheritdoc />
    protected override Flow<Event, Q5Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>().Via(new EventTimeStage<Q5Result>("hot-items", () => new HotItems()));

    /// <summary>The open windows' counts per auction, under the windows' max timestamp (end - 1).</summary>
    private sealed class HotItems : EventTimeOperator<Q5Result>
    {
        private static readonly long Size = (long)Q5HotItems.Size.TotalMilliseconds;
        private static readonly long Slide = (long)Q5HotItems.Slide.TotalMilliseconds;

        private readonly LoopWindows<Dictionary<long, long>> _windows = new();
        private readonly Action<long, Dictionary<long, long>> _fire;

        public HotItems() => _fire = (_, counts) => Fire(counts);

        public override void ProcessEvent(Event e, long watermark)
        {
            if (e.Bid is not { } bid)
                return;
            for (var start = bid.DateTime - bid.DateTime % Slide; start > bid.DateTime - Size; start -= Slide)
            {
                // Null for a late bid, whose window has fired: dropped, as by a window operator.
                if (_windows.Get(start + Size - 1, watermark) is { } counts)
                    counts[bid.Auction] = counts.GetValueOrDefault(bid.Auction) + 1;
            }
        }

        public override void AdvanceWatermark(long watermark) => _windows.FireUpTo(watermark, _fire);

        private void Fire(Dictionary<long, long> counts)
        {
            var max = counts.Values.Max();
            foreach (var (auction, num) in counts)
            {
                if (num >= max)
                    Emit(new Q5Result(auction, num));
            }
        }
    }
}

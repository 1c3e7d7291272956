using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries.Functions;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 5, hot items: per HOP window (slide 2 s, size 10 s) the auctions with the most bids, <c>auction, num</c>.
/// The SQL joins each auction's count per window with the window's maximum count (<c>num &gt;= maxn</c>); here the
/// per-auction counts of one window meet in one keyed tumbling window of the slide, keyed by the window's end, which
/// keeps the maximum and the auctions that reach it. Bids are projected to their auction before the exchange (the
/// window takes the bid's time from the record's timestamp), as Flink's planner projects them to the two columns the
/// SQL reads: a bid whole would cross the exchange, and the network between nodes, with its strings.
/// </summary>
public sealed class Q5HotItems : NexmarkQuery<Q5Result>
{
    /// <summary>The window size, the SQL's <c>INTERVAL '10' SECOND</c>.</summary>
    public static readonly TimeSpan Size = TimeSpan.FromSeconds(10);

    /// <summary>The window slide, the SQL's <c>INTERVAL '2' SECOND</c>.</summary>
    public static readonly TimeSpan Slide = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public override string Name => "q5";

    /// <inheritdoc />
    public override string Title => "hot items";

    /// <inheritdoc />
    public override string Description => "Hot items: per 10 s window sliding by 2 s, the auctions with the most bids.";

    /// <inheritdoc />
    protected override DataStream<Q5Result> Apply(DataStream<Event> events) =>
        events.Bids()
            .Map(bid => bid.Auction).Name("bid-auction").Uid("bid-auction")
            .KeyBy(auction => auction)
            .Window(SlidingEventTimeWindows.Of(Size, Slide))
            .Aggregate(new CountAggregate<long>(), new AuctionCountOfWindow()).Name("bids-per-auction").Uid("bids-per-auction")
            // Each count is stamped with its window's max timestamp (end - 1), inside the slide-sized window ending at end.
            .KeyBy(count => count.WindowEnd)
            .Window(TumblingEventTimeWindows.Of(Slide))
            .Aggregate(new HottestAuctions(), new EmitHottest()).Name("q5").Uid("q5");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q5Result> output)
    {
        long size = (long)Size.TotalMilliseconds, slide = (long)Slide.TotalMilliseconds;
        // Windows under their max timestamp, end - 1: they fire when the watermark reaches it.
        var windows = new LoopWindows<Dictionary<long, long>>();
        var watermark = new LoopWatermark();
        Action<long, Dictionary<long, long>> fire = (_, counts) => Fire(counts, output);
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            if (e.Bid is { } bid)
            {
                var lastStart = bid.DateTime - bid.DateTime % slide;
                for (var start = lastStart; start > bid.DateTime - size; start -= slide)
                {
                    // Null for a late bid, whose window has fired: dropped, as by the window operator.
                    if (windows.Get(start + size - 1, watermark.Current) is { } counts)
                        counts[bid.Auction] = counts.GetValueOrDefault(bid.Auction) + 1;
                }
            }
            windows.FireUpTo(watermark.Observe(e.DateTime), fire);
        }
        windows.FireAll(fire);
    }

    private static void Fire(Dictionary<long, long> counts, ICollector<Q5Result> output)
    {
        var max = counts.Values.Max();
        foreach (var (auction, num) in counts)
        {
            if (num >= max)
                output.Collect(new Q5Result(auction, num));
        }
    }

    /// <summary>The bids on one auction in one window.</summary>
    public sealed record AuctionCount(long Auction, long Num, long WindowEnd);

    /// <summary>The auctions with the most bids seen so far in one window.</summary>
    public sealed class Hottest
    {
        /// <summary>The largest count seen.</summary>
        public long Max { get; set; }

        /// <summary>The auctions with <see cref="Max"/> bids.</summary>
        public List<long> Auctions { get; } = [];

        /// <summary>Takes <paramref name="auction"/> with <paramref name="num"/> bids into account.</summary>
        public void Add(long auction, long num)
        {
            if (num > Max)
            {
                Max = num;
                Auctions.Clear();
            }
            if (num == Max)
                Auctions.Add(auction);
        }
    }

    private sealed class AuctionCountOfWindow : ProcessWindowFunction<long, AuctionCount, long, TimeWindow>
    {
        public override void Process(long key, Context context, IEnumerable<long> elements, ICollector<AuctionCount> output)
        {
            foreach (var num in elements)
                output.Collect(new AuctionCount(key, num, context.Window.End));
        }
    }

    private sealed class HottestAuctions : IAggregateFunction<AuctionCount, Hottest, Hottest>
    {
        public Hottest CreateAccumulator() => new();

        public Hottest Add(AuctionCount value, Hottest accumulator)
        {
            accumulator.Add(value.Auction, value.Num);
            return accumulator;
        }

        public Hottest GetResult(Hottest accumulator) => accumulator;

        public Hottest Merge(Hottest a, Hottest b)
        {
            foreach (var auction in b.Auctions)
                a.Add(auction, b.Max);
            return a;
        }
    }

    private sealed class EmitHottest : ProcessWindowFunction<Hottest, Q5Result, long, TimeWindow>
    {
        public override void Process(long key, Context context, IEnumerable<Hottest> elements, ICollector<Q5Result> output)
        {
            foreach (var hottest in elements)
            {
                foreach (var auction in hottest.Auctions)
                    output.Collect(new Q5Result(auction, hottest.Max));
            }
        }
    }
}

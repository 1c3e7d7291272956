using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 4, average price for a category: the average over each category's auctions of their winning bid, the
/// highest bid placed between the auction's opening and its expiry (both inclusive), <c>id, final</c>.
/// </summary>
/// <remarks>
/// In streaming mode the SQL emits an update whenever an average changes; the benchmark writes one row per category
/// with its final value at the end of input. So both stages keep their aggregate in keyed state and emit it from an
/// event-time timer at <see cref="EndOfInput"/>, which only the end-of-input watermark reaches. The join keeps of each
/// auction only the columns the SQL reads (<see cref="AuctionTerms"/>), as Flink's planner projects the auction side
/// before its join state: the whole auction (about 500 bytes with its padding) would make every checkpoint write
/// fifteen times the state the query needs. Bids are projected to their auction, time and price before the exchange
/// (<see cref="BidPrice"/>, a struct: no allocation per bid), as the planner projects that side to the three
/// columns the join reads: a bid whole would cross the network between nodes with its four strings.
/// </remarks>
public sealed class Q4AveragePriceForCategory : NexmarkQuery<Q4Result>
{
    /// <summary>The timer time that fires at the end of input, when the watermark jumps to <see cref="long.MaxValue"/>.</summary>
    public const long EndOfInput = long.MaxValue - 1;

    /// <inheritdoc />
    public override string Name => "q4";

    /// <inheritdoc />
    public override string Title => "average price for a category";

    /// <inheritdoc />
    public override string Description => "Average price for a category: per category, the average winning bid of its auctions.";

    /// <inheritdoc />
    protected override DataStream<Q4Result> Apply(DataStream<Event> events) =>
        events.Auctions()
            .Map(auction => new AuctionTerms(auction.Id, auction.Category, auction.DateTime, auction.Expires)).Name("auction-terms").Uid("auction-terms")
            .Connect(events.Bids().Map(bid => new BidPrice(bid.Auction, bid.DateTime, bid.Price)).Name("bid-price").Uid("bid-price"))
            .KeyBy(auction => auction.Id, bid => bid.Auction)
            .Process(new WinningBid()).Name("winning-bids").Uid("winning-bids")
            .KeyBy(winner => winner.Category)
            .Process(new AverageOfCategory()).Name("q4").Uid("q4");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q4Result> output)
    {
        var auctions = new Dictionary<long, Auction>();
        var winning = new Dictionary<long, long>();
        var waiting = new Dictionary<long, List<(long DateTime, long Price)>>();
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            if (e.Bid is { } bid)
            {
                if (auctions.TryGetValue(bid.Auction, out var auction))
                    Bid(winning, auction, bid.DateTime, bid.Price);
                else if (waiting.TryGetValue(bid.Auction, out var bids))
                    bids.Add((bid.DateTime, bid.Price));
                else
                    waiting[bid.Auction] = [(bid.DateTime, bid.Price)];
            }
            else if (e.Auction is { } auction)
            {
                auctions[auction.Id] = auction;
                if (waiting.Remove(auction.Id, out var bids))
                {
                    foreach (var (dateTime, price) in bids)
                        Bid(winning, auction, dateTime, price);
                }
            }
        }
        var categories = new Dictionary<long, (long Sum, long Count)>();
        foreach (var (id, final) in winning)
        {
            var category = auctions[id].Category;
            var (sum, count) = categories.GetValueOrDefault(category);
            categories[category] = (sum + final, count + 1);
        }
        foreach (var (category, (sum, count)) in categories)
            output.Collect(new Q4Result(category, sum / count));
    }

    private static void Bid(Dictionary<long, long> winning, Auction auction, long dateTime, long price)
    {
        if (InTime(auction.DateTime, auction.Expires, dateTime) && (!winning.TryGetValue(auction.Id, out var highest) || price > highest))
            winning[auction.Id] = price;
    }

    /// <summary><c>B.dateTime BETWEEN A.dateTime AND A.expires</c>.</summary>
    private static bool InTime(long opens, long expires, long dateTime) => opens <= dateTime && dateTime <= expires;

    /// <summary>What the join needs of an auction: its key, its category and when bids count.</summary>
    public sealed record AuctionTerms(long Id, long Category, long DateTime, long Expires);

    /// <summary>What the join needs of a bid: its auction (the key), when it was placed and its price.</summary>
    public readonly record struct BidPrice(long Auction, long DateTime, long Price);

    /// <summary>An auction's category and its highest bid in time.</summary>
    public sealed record Winner(long Category, long Price);

    /// <summary>A category's running sum and count of winning bids.</summary>
    public sealed record Average(long Sum, long Count);

    /// <summary>
    /// One auction's side of the join: the auction once seen, the bids that came before it (the other source subtask
    /// may be behind), and the highest bid in time.
    /// </summary>
    private sealed class WinningBid : KeyedCoProcessFunction<long, AuctionTerms, BidPrice, Winner>
    {
        private IValueState<AuctionTerms?> _auction = null!;
        private IValueState<long?> _highest = null!;
        private IListState<(long DateTime, long Price)> _waiting = null!;

        public override void Open()
        {
            _auction = RuntimeContext.GetState(new ValueStateDescriptor<AuctionTerms?>("auction"));
            _highest = RuntimeContext.GetState(new ValueStateDescriptor<long?>("highest-bid"));
            _waiting = RuntimeContext.GetListState(new ListStateDescriptor<(long DateTime, long Price)>("waiting-bids"));
        }

        public override void ProcessElement1(AuctionTerms value, Context context, ICollector<Winner> output)
        {
            _auction.Update(value);
            foreach (var (dateTime, price) in _waiting.Get())
                Offer(value, dateTime, price, context);
            _waiting.Clear();
        }

        public override void ProcessElement2(BidPrice value, Context context, ICollector<Winner> output)
        {
            if (_auction.TryGetValue(out var auction) && auction is not null)
                Offer(auction, value.DateTime, value.Price, context);
            else
                _waiting.Add((value.DateTime, value.Price));
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<Winner> output)
        {
            if (_auction.TryGetValue(out var auction) && auction is not null && _highest.TryGetValue(out var highest) && highest is { } price)
                output.Collect(new Winner(auction.Category, price));
        }

        private void Offer(AuctionTerms auction, long dateTime, long price, Context context)
        {
            if (!InTime(auction.DateTime, auction.Expires, dateTime))
                return;
            if (!_highest.TryGetValue(out var highest) || highest is null)
                context.TimerService.RegisterEventTimeTimer(EndOfInput);
            else if (price <= highest)
                return;
            _highest.Update(price);
        }
    }

    /// <summary>A category's average of winning bids, emitted once at the end of input.</summary>
    private sealed class AverageOfCategory : KeyedProcessFunction<long, Winner, Q4Result>
    {
        private IValueState<Average?> _average = null!;

        public override void Open() => _average = RuntimeContext.GetState(new ValueStateDescriptor<Average?>("average"));

        public override void ProcessElement(Winner value, Context context, ICollector<Q4Result> output)
        {
            if (!_average.TryGetValue(out var average) || average is null)
            {
                average = new Average(0, 0);
                context.TimerService.RegisterEventTimeTimer(EndOfInput);
            }
            _average.Update(new Average(average.Sum + value.Price, average.Count + 1));
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<Q4Result> output)
        {
            if (_average.TryGetValue(out var average) && average is { Count: > 0 })
                output.Collect(new Q4Result(context.CurrentKey, average.Sum / average.Count));
        }
    }
}

using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries.Functions;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 7, highest bid: the bids at the highest price of each TUMBLE 10 s window, <c>auction, price, bidder, dateTime,
/// extra</c>. The SQL joins every bid with the windows' maxima on price and <c>dateTime BETWEEN window_end - 10 s AND
/// window_end</c>, inclusive at both ends: a bid exactly at a window's end matches that window's maximum as well as
/// its own window's. Here each bid goes to the windows it can match, keyed by the window's end; a keyed function keeps
/// the running maximum with its bids and emits the matches when the watermark passes the end.
/// </summary>
public sealed class Q7HighestBid : NexmarkQuery<Q7Result>
{
    /// <summary>The window size, the SQL's <c>INTERVAL '10' SECOND</c>.</summary>
    public static readonly TimeSpan Size = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string Name => "q7";

    /// <inheritdoc />
    public override string Title => "highest bid";

    /// <inheritdoc />
    public override string Description => "Highest bid: the bids at the highest price of each 10 s window (both ends inclusive).";

    /// <inheritdoc />
    protected override DataStream<Q7Result> Apply(DataStream<Event> events) =>
        events.Bids()
            .FlatMap<WindowBid>(ToWindows).Name("bid-windows").Uid("bid-windows")
            .KeyBy(bid => bid.WindowEnd)
            .Process(new HighestBidOfWindow()).Name("q7").Uid("q7");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q7Result> output)
    {
        // Windows under their end: the keyed function's timer fires when the watermark reaches it.
        var windows = new LoopWindows<HighestBids>();
        var watermark = new LoopWatermark();
        var candidates = new List<WindowBid>(2);
        var collect = new ListCollector(candidates);
        Action<long, HighestBids> fire = (_, window) => Emit(window, output);
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            if (e.Bid is { } bid)
            {
                candidates.Clear();
                ToWindows(bid, collect);
                foreach (var candidate in candidates)
                {
                    // Null for a late bid, whose window has fired: dropped.
                    if (windows.Get(candidate.WindowEnd, watermark.Current) is { } window)
                        Add(window, candidate);
                }
            }
            windows.FireUpTo(watermark.Observe(e.DateTime), fire);
        }
        windows.FireAll(fire);
    }

    /// <summary>The windows <paramref name="bid"/> may match: its own, and the one before when it lies on their common end.</summary>
    private static void ToWindows(Bid bid, ICollector<WindowBid> output)
    {
        var size = (long)Size.TotalMilliseconds;
        var start = bid.DateTime - bid.DateTime % size;
        output.Collect(new WindowBid(start + size, InWindow: true, bid));
        if (start == bid.DateTime)
            output.Collect(new WindowBid(start, InWindow: false, bid));
    }

    private static void Add(HighestBids window, WindowBid candidate)
    {
        if (candidate.InWindow)
            window.AddInWindow(candidate.Bid);
        else
            window.AtEnd.Add(candidate.Bid);
    }

    private static void Emit(HighestBids window, ICollector<Q7Result> output)
    {
        foreach (var bid in window.Matches())
            output.Collect(new Q7Result(bid.Auction, bid.Price, bid.Bidder, bid.DateTime, bid.Extra));
    }

    /// <summary>A bid on its way to the window ending at <paramref name="WindowEnd"/>: inside it, or at its end.</summary>
    public sealed record WindowBid(long WindowEnd, bool InWindow, Bid Bid);

    private sealed class ListCollector(List<WindowBid> list) : ICollector<WindowBid>
    {
        public void Collect(WindowBid value) => list.Add(value);
    }

    /// <summary>Keeps each window's <see cref="HighestBids"/> and emits its matches when the watermark reaches the end.</summary>
    private sealed class HighestBidOfWindow : KeyedProcessFunction<long, WindowBid, Q7Result>
    {
        private IValueState<HighestBids?> _window = null!;

        public override void Open() => _window = RuntimeContext.GetState(new ValueStateDescriptor<HighestBids?>("highest-bids"));

        public override void ProcessElement(WindowBid value, Context context, ICollector<Q7Result> output)
        {
            if (!_window.TryGetValue(out var window) || window is null)
            {
                window = new HighestBids();
                // At the end, every bid up to and including it has arrived: the watermark promises none at or before it.
                context.TimerService.RegisterEventTimeTimer(value.WindowEnd);
            }
            Add(window, value);
            _window.Update(window);
        }

        public override void OnTimer(long timestamp, OnTimerContext context, ICollector<Q7Result> output)
        {
            if (_window.TryGetValue(out var window) && window is not null)
                Emit(window, output);
            _window.Clear();
        }
    }
}

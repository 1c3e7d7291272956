using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries.Functions;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 11, user sessions: the bids of each bidder per SESSION window with a 10 s gap,
/// <c>bidder, bid_count, starttime, endtime</c>. Bids are projected to their bidder before the exchange (the session
/// takes the bid's time from the record's timestamp), as Flink's planner projects them to the columns the SQL reads.
/// </summary>
public sealed class Q11UserSessions : NexmarkQuery<Q11Result>
{
    /// <summary>The session gap, the SQL's <c>INTERVAL '10' SECOND</c>.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string Name => "q11";

    /// <inheritdoc />
    public override string Title => "user sessions";

    /// <inheritdoc />
    public override string Description => "User sessions: each bidder's number of bids per session with a 10 s gap.";

    /// <inheritdoc />
    protected override DataStream<Q11Result> Apply(DataStream<Event> events) =>
        events.Bids()
            .Map(bid => bid.Bidder).Name("bidder").Uid("bidder")
            .KeyBy(bidder => bidder)
            .Window(EventTimeSessionWindows.WithGap(Gap))
            .Aggregate(new CountAggregate<long>(), new SessionRow()).Name("q11").Uid("q11");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q11Result> output)
    {
        var sessions = new LoopSessions((long)Gap.TotalMilliseconds);
        Action<long, LoopSession> fire = (bidder, session) => output.Collect(new Q11Result(bidder, session.Count, session.Start, session.End));
        var watermark = new LoopWatermark();
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            // A late bid, whose session could only be one that has fired, is dropped, as by a window operator.
            if (e.Bid is { } bid && bid.DateTime + sessions.Gap - 1 > watermark.Current)
                sessions.Add(bid.Bidder, bid.DateTime);
            sessions.FireUpTo(watermark.Observe(e.DateTime), fire);
        }
        sessions.FireUpTo(long.MaxValue, fire); // the end of input fires every open session
    }

    private sealed class SessionRow : ProcessWindowFunction<long, Q11Result, long, TimeWindow>
    {
        public override void Process(long key, Context context, IEnumerable<long> elements, ICollector<Q11Result> output)
        {
            foreach (var count in elements)
                output.Collect(new Q11Result(key, count, context.Window.Start, context.Window.End));
        }
    }
}

using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries.Functions;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 11, user sessions: the bids of each bidder per SESSION window with a 10 s gap,
/// <c>bidder, bid_count, starttime, endtime</c>.
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
            .KeyBy(bid => bid.Bidder)
            .Window(EventTimeSessionWindows.WithGap(Gap))
            .Aggregate(new CountAggregate<Bid>(), new SessionRow()).Name("q11").Uid("q11");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q11Result> output)
    {
        var gap = (long)Gap.TotalMilliseconds;
        var open = new Dictionary<long, List<Session>>();
        // Sessions by max timestamp (end - 1) when queued; a merged-away session is skipped when it comes up.
        var timers = new PriorityQueue<(long Bidder, Session Session), long>();
        var watermark = new LoopWatermark();
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            if (e.Bid is { } bid && bid.DateTime + gap - 1 > watermark.Current)
            {
                if (!open.TryGetValue(bid.Bidder, out var sessions))
                    open[bid.Bidder] = sessions = [];
                var session = new Session(bid.DateTime, bid.DateTime + gap, 1);
                // Touching sessions merge, as TimeWindow.Intersects and Flink's session windows.
                for (var k = sessions.Count - 1; k >= 0; k--)
                {
                    var other = sessions[k];
                    if (other.Start <= session.End && other.End >= session.Start)
                    {
                        session = new Session(Math.Min(other.Start, session.Start), Math.Max(other.End, session.End), other.Count + session.Count);
                        sessions.RemoveAt(k);
                    }
                }
                sessions.Add(session);
                timers.Enqueue((bid.Bidder, session), session.End - 1);
            }
            var now = watermark.Observe(e.DateTime);
            while (timers.TryPeek(out var due, out var time) && time <= now)
            {
                timers.Dequeue();
                if (open.TryGetValue(due.Bidder, out var sessions) && sessions.Remove(due.Session))
                {
                    output.Collect(new Q11Result(due.Bidder, due.Session.Count, due.Session.Start, due.Session.End));
                    if (sessions.Count == 0)
                        open.Remove(due.Bidder);
                }
            }
        }
        foreach (var (bidder, sessions) in open)
        {
            foreach (var session in sessions)
                output.Collect(new Q11Result(bidder, session.Count, session.Start, session.End));
        }
    }

    /// <summary>An open session of the loop; compared by reference, so a merged-away one is no longer found.</summary>
    private sealed class Session(long start, long end, long count)
    {
        public long Start { get; } = start;

        public long End { get; } = end;

        public long Count { get; } = count;
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

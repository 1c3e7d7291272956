using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q11 on Akka.Streams, which has no event-time windows: an <see cref="EventTimeStage{TOut}"/> keeps each bidder's
/// open sessions (10 s gap; touching sessions merge, as in Flink) and emits a session's count when the watermark
/// reaches its max timestamp (end - 1).
/// </summary>
public sealed class Q11UserSessionsFlow : AkkaStreamsQuery<Q11Result>
{
    /// <inheritdoc />
    public override string Name => "q11";

    /// <inheritdoc />
    protected override Flow<Event, Q11Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>().Via(new EventTimeStage<Q11Result>("user-sessions", () => new UserSessions()));

    /// <summary>An open session; compared by reference, so a merged-away one is no longer found.</summary>
    private sealed class Session(long start, long end, long count)
    {
        public long Start { get; } = start;

        public long End { get; } = end;

        public long Count { get; } = count;
    }

    /// <summary>The open sessions per bidder, and a timer queue of them by max timestamp.</summary>
    private sealed class UserSessions : EventTimeOperator<Q11Result>
    {
        private static readonly long Gap = (long)Q11UserSessions.Gap.TotalMilliseconds;

        private readonly Dictionary<long, List<Session>> _open = [];
        // A merged-away session stays queued and is skipped when it comes up.
        private readonly PriorityQueue<(long Bidder, Session Session), long> _timers = new();

        public override void ProcessEvent(Event e, long watermark)
        {
            // A late bid, whose session could only be one that has fired, is dropped, as by a window operator.
            if (e.Bid is not { } bid || bid.DateTime + Gap - 1 <= watermark)
                return;
            if (!_open.TryGetValue(bid.Bidder, out var sessions))
                _open[bid.Bidder] = sessions = [];
            var session = new Session(bid.DateTime, bid.DateTime + Gap, 1);
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
            _timers.Enqueue((bid.Bidder, session), session.End - 1);
        }

        public override void AdvanceWatermark(long watermark)
        {
            while (_timers.TryPeek(out var due, out var time) && time <= watermark)
            {
                _timers.Dequeue();
                if (_open.TryGetValue(due.Bidder, out var sessions) && sessions.Remove(due.Session))
                {
                    Emit(new Q11Result(due.Bidder, due.Session.Count, due.Session.Start, due.Session.End));
                    if (sessions.Count == 0)
                        _open.Remove(due.Bidder);
                }
            }
        }
    }
}

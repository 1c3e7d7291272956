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

    /// <summary>The open sessions per bidder, fired as the watermark passes them.</summary>
    private sealed class UserSessions : EventTimeOperator<Q11Result>
    {
        private readonly LoopSessions _sessions = new((long)Q11UserSessions.Gap.TotalMilliseconds);
        private readonly Action<long, LoopSession> _fire;

        public UserSessions() => _fire = (bidder, session) => Emit(new Q11Result(bidder, session.Count, session.Start, session.End));

        public override void ProcessEvent(Event e, long watermark)
        {
            // A late bid, whose session could only be one that has fired, is dropped, as by a window operator.
            if (e.Bid is { } bid && bid.DateTime + _sessions.Gap - 1 > watermark)
                _sessions.Add(bid.Bidder, bid.DateTime);
        }

        public override void AdvanceWatermark(long watermark) => _sessions.FireUpTo(watermark, _fire);
    }
}

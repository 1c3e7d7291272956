using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q8 on Akka.Streams, which has no event-time windows: an <see cref="EventTimeStage{TOut}"/> keeps, per TUMBLE 10 s
/// window, the persons who registered and the sellers who opened an auction, and when the watermark reaches the
/// window's max timestamp emits each person once who is also a seller: the SQL's co-group of the two grouped sides.
/// </summary>
public sealed class Q8MonitorNewUsersFlow : AkkaStreamsQuery<Q8Result>
{
    /// <inheritdoc />
    public override string Name => "q8";

    /// <inheritdoc />
    protected override Flow<Event, Q8Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>().Via(new EventTimeStage<Q8Result>("new-sellers", () => new NewSellers()));

    /// <summary>One window's persons (id and name, first seen) and sellers.</summary>
    private sealed class Window
    {
        public Dictionary<long, string> Persons { get; } = [];

        public HashSet<long> Sellers { get; } = [];
    }

    /// <summary>The open windows, under their max timestamp (end - 1).</summary>
    private sealed class NewSellers : EventTimeOperator<Q8Result>
    {
        private static readonly long Size = (long)Q8MonitorNewUsers.Size.TotalMilliseconds;

        private readonly LoopWindows<Window> _windows = new();
        private readonly Action<long, Window> _fire;

        public NewSellers() => _fire = (maxTimestamp, window) => Fire(maxTimestamp + 1 - Size, window);

        public override void ProcessEvent(Event e, long watermark)
        {
            if (e.Type == EventType.Bid)
                return;
            // Null for a late event, whose window has fired: dropped, as by a window operator.
            if (_windows.Get(e.DateTime - e.DateTime % Size + Size - 1, watermark) is not { } window)
                return;
            if (e.Person is { } person)
                window.Persons.TryAdd(person.Id, person.Name);
            else
                window.Sellers.Add(e.Auction!.Seller);
        }

        public override void AdvanceWatermark(long watermark) => _windows.FireUpTo(watermark, _fire);

        private void Fire(long start, Window window)
        {
            foreach (var (id, name) in window.Persons)
            {
                if (window.Sellers.Contains(id))
                    Emit(new Q8Result(id, name, start));
            }
        }
    }
}

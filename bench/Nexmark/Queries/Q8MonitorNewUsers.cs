using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;
using ActorStream.Graph.Windowing;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 8, monitor new users: the persons who registered and opened an auction in the same TUMBLE 10 s window,
/// <c>id, name, stime</c>. The SQL groups persons by (id, name, window) and auctions by (seller, window) before joining
/// them, so each person appears once per window however many auctions it opened: a window co-group, not a join.
/// Persons are projected to <see cref="NewUser"/> and auctions to their seller before the co-group, as Flink's planner
/// projects both sides, so the windows' state (and its checkpoints) holds those columns and not the whole events.
/// </summary>
public sealed class Q8MonitorNewUsers : NexmarkQuery<Q8Result>
{
    /// <summary>The window size, the SQL's <c>INTERVAL '10' SECOND</c>.</summary>
    public static readonly TimeSpan Size = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override string Name => "q8";

    /// <inheritdoc />
    public override string Title => "monitor new users";

    /// <inheritdoc />
    public override string Description => "Monitor new users: persons who opened an auction in the 10 s window they registered in.";

    /// <inheritdoc />
    protected override DataStream<Q8Result> Apply(DataStream<Event> events) =>
        events.Persons().Map(person => new NewUser(person.Id, person.Name, person.DateTime)).Name("new-user").Uid("new-user")
            .CoGroup(events.Auctions().Map(auction => auction.Seller).Name("seller").Uid("seller"))
            .Where(person => person.Id).EqualTo(seller => seller)
            .Window(TumblingEventTimeWindows.Of(Size))
            .Apply<Q8Result>(NewSellers).Name("q8").Uid("q8");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q8Result> output)
    {
        var size = (long)Size.TotalMilliseconds;
        // Windows under their max timestamp, end - 1: they fire when the watermark reaches it.
        var windows = new LoopWindows<Window>();
        var watermark = new LoopWatermark();
        Action<long, Window> fire = (maxTimestamp, window) => window.Fire(maxTimestamp + 1 - size, output);
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            // Null for a late event, whose window has fired: dropped, as by the window operator.
            if (e.Type != EventType.Bid && windows.Get(e.DateTime - e.DateTime % size + size - 1, watermark.Current) is { } window)
            {
                if (e.Person is { } person)
                    window.Persons.TryAdd(person.Id, person.Name);
                else
                    window.Sellers.Add(e.Auction!.Seller);
            }
            windows.FireUpTo(watermark.Observe(e.DateTime), fire);
        }
        windows.FireAll(fire);
    }

    /// <summary>One key's persons and auctions of one window: each person once if the key opened an auction.</summary>
    private static void NewSellers(IEnumerable<NewUser> persons, IEnumerable<long> sellers, ICollector<Q8Result> output)
    {
        if (!sellers.Any())
            return;
        var size = (long)Size.TotalMilliseconds;
        foreach (var person in persons.DistinctBy(p => (p.Id, p.Name)))
            output.Collect(new Q8Result(person.Id, person.Name, person.DateTime - person.DateTime % size));
    }

    /// <summary>What the query reads of a person.</summary>
    public sealed record NewUser(long Id, string Name, long DateTime);

    private sealed class Window
    {
        public Dictionary<long, string> Persons { get; } = [];

        public HashSet<long> Sellers { get; } = [];

        public void Fire(long start, ICollector<Q8Result> output)
        {
            foreach (var (id, name) in Persons)
            {
                if (Sellers.Contains(id))
                    output.Collect(new Q8Result(id, name, start));
            }
        }
    }
}

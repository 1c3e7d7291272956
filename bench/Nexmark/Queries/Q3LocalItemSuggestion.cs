using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// Query 3, local item suggestion: <c>SELECT P.name, P.city, P.state, A.id FROM auction A INNER JOIN person P ON
/// A.seller = P.id WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')</c>. A regular (unbounded) join: keyed by
/// the seller, each side waits in state for the other, and every match is emitted once, when its second side arrives.
/// Each side is projected to the columns the SQL reads before the join (<see cref="Seller"/>, <see cref="SellerAuction"/>),
/// as Flink's planner does, so the join's state and its checkpoints hold those and not the whole events.
/// </summary>
public sealed class Q3LocalItemSuggestion : NexmarkQuery<Q3Result>
{
    /// <summary>The auctions' category the query keeps.</summary>
    public const long Category = 10;

    /// <summary>The sellers' states the query keeps.</summary>
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal) { "OR", "ID", "CA" };

    /// <inheritdoc />
    public override string Name => "q3";

    /// <inheritdoc />
    public override string Title => "local item suggestion";

    /// <inheritdoc />
    public override string Description => "Local item suggestion: auctions in category 10 by sellers in OR, ID or CA.";

    /// <inheritdoc />
    protected override DataStream<Q3Result> Apply(DataStream<Event> events) =>
        events.Auctions().Filter(auction => auction.Category == Category).Name("category-10").Uid("category-10")
            .Map(auction => new SellerAuction(auction.Id, auction.Seller)).Name("seller-auction").Uid("seller-auction")
            .Connect(events.Persons().Filter(person => States.Contains(person.State)).Name("in-or-id-ca").Uid("in-or-id-ca")
                .Map(person => new Seller(person.Id, person.Name, person.City, person.State)).Name("seller").Uid("seller"))
            .KeyBy(auction => auction.Seller, person => person.Id)
            .Process(new SellerJoin()).Name("q3").Uid("q3");

    /// <inheritdoc />
    protected override void Loop(NexmarkGenerator generator, long events, ICollector<Q3Result> output)
    {
        var sellers = new Dictionary<long, Person>();
        var waiting = new Dictionary<long, List<long>>();
        for (long i = 0; i < events; i++)
        {
            var e = generator.Generate(i);
            if (e.Auction is { Category: Category } auction)
            {
                if (sellers.TryGetValue(auction.Seller, out var seller))
                    output.Collect(Row(seller, auction.Id));
                else if (waiting.TryGetValue(auction.Seller, out var auctions))
                    auctions.Add(auction.Id);
                else
                    waiting[auction.Seller] = [auction.Id];
            }
            else if (e.Person is { } person && States.Contains(person.State))
            {
                sellers[person.Id] = person;
                if (waiting.Remove(person.Id, out var auctions))
                {
                    foreach (var id in auctions)
                        output.Collect(Row(person, id));
                }
            }
        }
    }

    private static Q3Result Row(Person seller, long auction) => new(seller.Name, seller.City, seller.State, auction);

    private static Q3Result Row(Seller seller, long auction) => new(seller.Name, seller.City, seller.State, auction);

    /// <summary>What the join needs of a person: the key and the columns of the result.</summary>
    public sealed record Seller(long Id, string Name, string City, string State);

    /// <summary>What the join needs of an auction: its id and the key.</summary>
    public sealed record SellerAuction(long Id, long Seller);

    /// <summary>One seller's side of the join: the person once seen, and its auctions that came before it.</summary>
    private sealed class SellerJoin : KeyedCoProcessFunction<long, SellerAuction, Seller, Q3Result>
    {
        private IValueState<Seller?> _seller = null!;
        private IListState<long> _waiting = null!;

        public override void Open()
        {
            _seller = RuntimeContext.GetState(new ValueStateDescriptor<Seller?>("seller"));
            _waiting = RuntimeContext.GetListState(new ListStateDescriptor<long>("waiting-auctions"));
        }

        public override void ProcessElement1(SellerAuction value, Context context, ICollector<Q3Result> output)
        {
            if (_seller.TryGetValue(out var seller) && seller is not null)
                output.Collect(Row(seller, value.Id));
            else
                _waiting.Add(value.Id);
        }

        public override void ProcessElement2(Seller value, Context context, ICollector<Q3Result> output)
        {
            _seller.Update(value);
            foreach (var id in _waiting.Get())
                output.Collect(Row(value, id));
            _waiting.Clear();
        }
    }
}

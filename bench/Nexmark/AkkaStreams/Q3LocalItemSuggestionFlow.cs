using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka;
using Akka.Streams.Dsl;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// q3 on Akka.Streams: <c>Where</c> keeps auctions of category 10 and persons in OR, ID or CA, and one
/// <c>StatefulSelectMany</c> joins them on seller = id with both sides in dictionaries, emitting each match once, when
/// its second side arrives. Both sides come in one stream, so no two-input stage is needed.
/// </summary>
public sealed class Q3LocalItemSuggestionFlow : AkkaStreamsQuery<Q3Result>
{
    /// <inheritdoc />
    public override string Name => "q3";

    /// <inheritdoc />
    protected override Flow<Event, Q3Result, NotUsed> CreateFlow() =>
        Flow.Create<Event>()
            .Where(e => e.Auction is { Category: Q3LocalItemSuggestion.Category }
                || (e.Person is { } person && Q3LocalItemSuggestion.States.Contains(person.State)))
            .StatefulSelectMany<Event, Event, Q3Result, NotUsed>(() => new SellerJoin().Join);

    /// <summary>The join's state for one materialization: the sellers seen, and the auctions waiting for their seller.</summary>
    private sealed class SellerJoin
    {
        private readonly Dictionary<long, Person> _sellers = [];
        private readonly Dictionary<long, List<long>> _waiting = [];

        public IEnumerable<Q3Result> Join(Event e)
        {
            if (e.Auction is { } auction)
            {
                if (_sellers.TryGetValue(auction.Seller, out var seller))
                    return [Row(seller, auction.Id)];
                if (_waiting.TryGetValue(auction.Seller, out var auctions))
                    auctions.Add(auction.Id);
                else
                    _waiting[auction.Seller] = [auction.Id];
                return [];
            }
            var person = e.Person!;
            _sellers[person.Id] = person;
            return _waiting.Remove(person.Id, out var waiting) ? waiting.Select(id => Row(person, id)).ToList() : [];
        }

        private static Q3Result Row(Person seller, long auction) => new(seller.Name, seller.City, seller.State, auction);
    }
}

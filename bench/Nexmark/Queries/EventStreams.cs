using ActorStream.Bench.Nexmark.Model;
using ActorStream.Graph;

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>The reference's person, auction and bid views over the event stream (<c>WHERE event_type = n</c>).</summary>
public static class EventStreams
{
    /// <summary>The bids: <c>SELECT ... FROM datagen WHERE event_type = 2</c>.</summary>
    public static DataStream<Bid> Bids(this DataStream<Event> events) =>
        events.Filter(e => e.Type == EventType.Bid).Name("bids").Uid("bids").Map(e => e.Bid!).Name("bid").Uid("bid");

    /// <summary>The new auctions: <c>SELECT ... FROM datagen WHERE event_type = 1</c>.</summary>
    public static DataStream<Auction> Auctions(this DataStream<Event> events) =>
        events.Filter(e => e.Type == EventType.Auction).Name("auctions").Uid("auctions").Map(e => e.Auction!).Name("auction").Uid("auction");

    /// <summary>The new persons: <c>SELECT ... FROM datagen WHERE event_type = 0</c>.</summary>
    public static DataStream<Person> Persons(this DataStream<Event> events) =>
        events.Filter(e => e.Type == EventType.Person).Name("persons").Uid("persons").Map(e => e.Person!).Name("person").Uid("person");
}

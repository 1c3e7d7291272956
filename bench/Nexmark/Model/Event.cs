namespace ActorStream.Bench.Nexmark.Model;

/// <summary>One Nexmark event: its <see cref="Type"/> and exactly one of a person, an auction or a bid.</summary>
public sealed record Event
{
    /// <summary>A new-person event.</summary>
    public Event(Person person)
    {
        Type = EventType.Person;
        Person = person;
        DateTime = person.DateTime;
    }

    /// <summary>A new-auction event.</summary>
    public Event(Auction auction)
    {
        Type = EventType.Auction;
        Auction = auction;
        DateTime = auction.DateTime;
    }

    /// <summary>A bid event.</summary>
    public Event(Bid bid)
    {
        Type = EventType.Bid;
        Bid = bid;
        DateTime = bid.DateTime;
    }

    /// <summary>Which of <see cref="Person"/>, <see cref="Auction"/> and <see cref="Bid"/> is set.</summary>
    public EventType Type { get; }

    /// <summary>The person, for a <see cref="EventType.Person"/> event.</summary>
    public Person? Person { get; }

    /// <summary>The auction, for an <see cref="EventType.Auction"/> event.</summary>
    public Auction? Auction { get; }

    /// <summary>The bid, for a <see cref="EventType.Bid"/> event.</summary>
    public Bid? Bid { get; }

    /// <summary>The event time in epoch milliseconds: the payload's dateTime, as the reference DDL's computed column.</summary>
    public long DateTime { get; }
}

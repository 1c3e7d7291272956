namespace ActorStream.Bench.Nexmark.Model;

/// <summary>The kind of a Nexmark event, numbered as the reference's <c>event_type</c> column.</summary>
public enum EventType
{
    /// <summary>A new person registered (event_type 0).</summary>
    Person = 0,

    /// <summary>A new auction opened (event_type 1).</summary>
    Auction = 1,

    /// <summary>A bid on an auction (event_type 2).</summary>
    Bid = 2,
}

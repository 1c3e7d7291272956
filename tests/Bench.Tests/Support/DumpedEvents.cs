using System.Text.Json;

namespace ActorStream.Bench.Tests.Support;

/// <summary>The events of a <c>--dump-events</c> file, read back independently of the bench's own model types.</summary>
public sealed class DumpedEvents
{
    public sealed record Person(long Id, string Name, string City, string State, long DateTime);

    public sealed record Auction(long Id, long Seller, long Category, long DateTime, long Expires);

    public sealed record Bid(long Auction, long Bidder, long Price, long DateTime, string Extra);

    public List<Person> Persons { get; } = [];

    public List<Auction> Auctions { get; } = [];

    public List<Bid> Bids { get; } = [];

    /// <summary>Every event's dateTime, in dump order.</summary>
    public List<long> Times { get; } = [];

    public static DumpedEvents Read(string path)
    {
        var events = new DumpedEvents();
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var e = document.RootElement;
            long Long(string name) => e.GetProperty(name).GetInt64();
            string Text(string name) => e.GetProperty(name).GetString()!;
            events.Times.Add(Long("dateTime"));
            switch (Text("type"))
            {
                case "person":
                    events.Persons.Add(new Person(Long("id"), Text("name"), Text("city"), Text("state"), Long("dateTime")));
                    break;
                case "auction":
                    events.Auctions.Add(new Auction(Long("id"), Long("seller"), Long("category"), Long("dateTime"), Long("expires")));
                    break;
                case "bid":
                    events.Bids.Add(new Bid(Long("auction"), Long("bidder"), Long("price"), Long("dateTime"), Text("extra")));
                    break;
            }
        }
        return events;
    }
}

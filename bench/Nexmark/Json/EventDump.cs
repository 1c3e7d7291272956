using System.Text.Json;
using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;

namespace ActorStream.Bench.Nexmark.Json;

/// <summary>
/// Writes generated events as JSON lines: <c>{"type":"person"|"auction"|"bid", ...}</c> followed by every field of the
/// event under its reference column name, times in epoch milliseconds.
/// </summary>
public static class EventDump
{
    /// <summary>Writes events 0 to <paramref name="count"/> - 1 of <paramref name="generator"/> to <paramref name="path"/>.</summary>
    public static void Write(NexmarkGenerator generator, long count, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        using var writer = new Utf8JsonWriter(stream, NexmarkJson.WriterOptions);
        for (long i = 0; i < count; i++)
        {
            Write(writer, generator.Generate(i));
            writer.Flush();
            stream.WriteByte((byte)'\n');
            // A writer takes one root value; resetting it starts the next line's.
            writer.Reset(stream);
        }
    }

    /// <summary>Writes <paramref name="e"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Event e)
    {
        writer.WriteStartObject();
        switch (e.Type)
        {
            case EventType.Person:
                WritePerson(writer, e.Person!);
                break;
            case EventType.Auction:
                WriteAuction(writer, e.Auction!);
                break;
            default:
                WriteBid(writer, e.Bid!);
                break;
        }
        writer.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter writer, Person person)
    {
        writer.WriteString("type", "person");
        writer.WriteNumber("id", person.Id);
        writer.WriteString("name", person.Name);
        writer.WriteString("emailAddress", person.EmailAddress);
        writer.WriteString("creditCard", person.CreditCard);
        writer.WriteString("city", person.City);
        writer.WriteString("state", person.State);
        writer.WriteNumber("dateTime", person.DateTime);
        writer.WriteString("extra", person.Extra);
    }

    private static void WriteAuction(Utf8JsonWriter writer, Auction auction)
    {
        writer.WriteString("type", "auction");
        writer.WriteNumber("id", auction.Id);
        writer.WriteString("itemName", auction.ItemName);
        writer.WriteString("description", auction.Description);
        writer.WriteNumber("initialBid", auction.InitialBid);
        writer.WriteNumber("reserve", auction.Reserve);
        writer.WriteNumber("dateTime", auction.DateTime);
        writer.WriteNumber("expires", auction.Expires);
        writer.WriteNumber("seller", auction.Seller);
        writer.WriteNumber("category", auction.Category);
        writer.WriteString("extra", auction.Extra);
    }

    private static void WriteBid(Utf8JsonWriter writer, Bid bid)
    {
        writer.WriteString("type", "bid");
        writer.WriteNumber("auction", bid.Auction);
        writer.WriteNumber("bidder", bid.Bidder);
        writer.WriteNumber("price", bid.Price);
        writer.WriteString("channel", bid.Channel);
        writer.WriteString("url", bid.Url);
        writer.WriteNumber("dateTime", bid.DateTime);
        writer.WriteString("extra", bid.Extra);
    }
}

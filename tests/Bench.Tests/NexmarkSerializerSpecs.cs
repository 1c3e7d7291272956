using ActorStream.Bench.Nexmark.Generator;
using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using ActorStream.Graph.Serialization;

namespace ActorStream.Bench.Tests;

public sealed class NexmarkSerializerSpecs
{
    private static T RoundTrip<T>(T value)
    {
        var serializer = TypeSerializers.Get<T>();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            serializer.Serialize(value, writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return serializer.Deserialize(reader);
    }

    [Fact]
    public void The_model_records_should_round_trip_through_their_registered_binary_serializers()
    {
        _ = NexmarkQueries.All; // building a query registers the serializers
        var generator = new NexmarkGenerator(new GeneratorConfig());
        var events = Enumerable.Range(0, 500).Select(i => generator.Generate(i)).ToList();

        Assert.All(events.Select(e => e.Person).OfType<Person>(), p => Assert.Equal(p, RoundTrip(p)));
        Assert.All(events.Select(e => e.Auction).OfType<Auction>(), a => Assert.Equal(a, RoundTrip(a)));
        Assert.All(events.Select(e => e.Bid).OfType<Bid>(), b => Assert.Equal(b, RoundTrip(b)));
        Assert.Null(RoundTrip<Person?>(null));
        Assert.DoesNotContain("Json", TypeSerializers.Get<Bid>().GetType().Name, StringComparison.Ordinal);
    }
}

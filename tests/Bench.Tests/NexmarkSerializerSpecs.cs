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

    [Fact]
    public void The_projections_the_queries_keep_in_state_should_round_trip_through_binary_serializers()
    {
        _ = NexmarkQueries.All;
        var seller = new Q3LocalItemSuggestion.Seller(1001, "Peter Shultz", "Boise", "ID");
        var sellerAuction = new Q3LocalItemSuggestion.SellerAuction(1002, 1001);
        var terms = new Q4AveragePriceForCategory.AuctionTerms(1003, 12, 1_577_836_800_000, 1_577_836_812_345);
        var average = new Q4AveragePriceForCategory.Average(123_456_789, 42);
        var user = new Q8MonitorNewUsers.NewUser(1004, "Sarah Walton", 1_577_836_800_100);

        Assert.Equal(seller, RoundTrip(seller));
        Assert.Equal(sellerAuction, RoundTrip(sellerAuction));
        Assert.Equal(terms, RoundTrip(terms));
        Assert.Equal(average, RoundTrip(average));
        Assert.Equal(user, RoundTrip(user));
        Assert.Null(RoundTrip<Q4AveragePriceForCategory.AuctionTerms?>(null));
        Assert.All<object>(
            [TypeSerializers.Get<Q3LocalItemSuggestion.Seller>(), TypeSerializers.Get<Q3LocalItemSuggestion.SellerAuction>(),
                TypeSerializers.Get<Q4AveragePriceForCategory.AuctionTerms>(), TypeSerializers.Get<Q4AveragePriceForCategory.Average>(),
                TypeSerializers.Get<Q8MonitorNewUsers.NewUser>()],
            serializer => Assert.DoesNotContain("Json", serializer.GetType().Name, StringComparison.Ordinal));
    }
}

using ActorStream.Graph.Serialization;
using static ActorStream.Graph.Tests.Serialization.SerializerAssert;

namespace ActorStream.Graph.Tests.Serialization;

public sealed class TypeSerializersTests
{
    public sealed record Address(string Street, int Number);

    public sealed record Customer(string Name, Address? Home, List<string> Tags, (int Count, double Mean) Stats, double Score);

    public sealed class Counter
    {
        public long Value;

        public string? Label { get; set; }
    }

    public struct Point
    {
        public int X;

        public int Y;
    }

    /// <summary>An accumulator that encapsulates its data, as state classes often do.</summary>
    public sealed class TopPrices
    {
        public long Max { get; private set; } = long.MinValue;

        public List<long> Items { get; } = [];

        public Dictionary<string, int> Seen { get; } = [];

        public void Add(long price, string source)
        {
            if (price > Max)
            {
                Max = price;
                Items.Clear();
            }
            if (price == Max)
                Items.Add(price);
            Seen[source] = Seen.GetValueOrDefault(source) + 1;
        }
    }

    /// <summary>Only this test class uses it, so registering it cannot disturb other tests.</summary>
    public sealed record Money(long Cents);

    /// <summary>Writes money as a plain varint, counting its calls.</summary>
    private sealed class MoneySerializer : ITypeSerializer<Money>
    {
        public int Writes;

        public void Serialize(Money value, BinaryWriter writer)
        {
            Writes++;
            writer.WriteVarLong(value.Cents);
        }

        public Money Deserialize(BinaryReader reader) => new(reader.ReadVarLong());
    }

    [Fact]
    public void Records_should_round_trip_through_the_json_default_with_nested_records_lists_and_tuples()
    {
        var customer = new Customer("Ada", new Address("Main", 1), ["vip", "eu"], (3, 2.5), double.NaN);

        var restored = RoundTrip(customer);

        Assert.Equal(customer with { Tags = restored.Tags }, restored);
        Assert.Equal(["vip", "eu"], restored.Tags);
        Assert.IsType<JsonFallbackSerializer<Customer>>(TypeSerializers.Get<Customer>());
    }

    [Fact]
    public void Classes_and_structs_should_round_trip_their_public_fields_and_properties()
    {
        var counter = RoundTrip(new Counter { Value = 42, Label = "x" });
        var point = RoundTrip(new Point { X = -1, Y = 7 });

        Assert.Equal((42L, "x"), (counter.Value, counter.Label));
        Assert.Equal((-1, 7), (point.X, point.Y));
        Assert.Null(RoundTrip<Counter?>(null));
    }

    [Fact]
    public void Classes_with_private_setters_and_get_only_collections_should_round_trip()
    {
        var top = new TopPrices();
        top.Add(5, "a");
        top.Add(9, "b");
        top.Add(9, "a");

        var restored = RoundTrip(top);

        Assert.Equal(9, restored.Max);
        Assert.Equal([9L, 9L], restored.Items);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, restored.Seen);
    }

    [Fact]
    public void Get_should_build_each_serializer_once_also_under_concurrency()
    {
        var serializers = Enumerable.Range(0, 64).AsParallel().Select(_ => TypeSerializers.Get<Dictionary<Guid, List<(string, Address)>>>()).ToList();

        Assert.All(serializers, s => Assert.Same(serializers[0], s));
        Assert.Same(TypeSerializers.Get<int>(), TypeSerializers.Get<int>());
    }

    [Fact]
    public void A_registered_serializer_should_replace_the_default_also_inside_collections_built_later()
    {
        var serializer = new MoneySerializer();
        TypeSerializers.Register(serializer);

        Assert.Same(serializer, TypeSerializers.Get<Money>());
        Assert.Equal([2, 84], Bytes(new List<Money> { new(42) }));
        Assert.Equal([new Money(42)], RoundTrip(new List<Money> { new(42) }));
        Assert.Equal(2, serializer.Writes);
    }

    [Fact]
    public void Type_identities_should_be_readable_namespace_qualified_and_free_of_assembly_versions()
    {
        Assert.Equal("System.Int32", TypeIdentity.Of<int>());
        Assert.Equal("System.Collections.Generic.Dictionary<System.String, System.Collections.Generic.List<System.Int64>>",
            TypeIdentity.Of<Dictionary<string, List<long>>>());
        Assert.Equal("System.ValueTuple<System.String, System.Nullable<System.Int32>>[]", TypeIdentity.Of<(string, int?)[]>());
        Assert.Equal("ActorStream.Graph.Tests.Serialization.TypeSerializersTests+Address", TypeIdentity.Of<Address>());
    }
}

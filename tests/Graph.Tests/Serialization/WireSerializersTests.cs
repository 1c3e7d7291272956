using System.Text.Json.Serialization;
using ActorStream.Graph.Serialization;
using static ActorStream.Graph.Tests.Serialization.SerializerAssert;

namespace ActorStream.Graph.Tests.Serialization;

public sealed class WireSerializersTests
{
    public sealed record Count(long Auction, string? Label, long WindowEnd);

    public sealed record Order(string Customer, Count? Last, List<string> Tags, DateTimeOffset At, decimal Amount)
    {
        /// <summary>Computed: JSON writes it and ignores it on reading, so it need not travel.</summary>
        public string Summary => $"{Customer}:{Amount}";

        public int Priority { get; init; }
    }

    public class Entity
    {
        public string? Id { get; private set; }

        public void Assign(string id) => Id = id;
    }

    public sealed class Reading : Entity
    {
        public double Value;

        public DayOfWeek Day { get; set; }

        public long? Sequence { get; set; }
    }

    public readonly record struct Span(long Start, long End);

    public struct Cell
    {
        public int Row;

        public string? Text { get; set; }
    }

    public sealed record Node(int Value, Node? Next);

    /// <summary>Filled in place by JSON (a get-only list): not plain data.</summary>
    public sealed class Bag
    {
        public List<int> Items { get; } = [];
    }

    public sealed record WithIgnored(int Kept, [property: JsonIgnore] int Dropped);

    public sealed class TwoConstructors(int a)
    {
        public TwoConstructors(int a, int b) : this(a + b) { }

        public int A { get; } = a;
    }

    public sealed record Mismatched(int Value)
    {
        public Mismatched(string value) : this(int.Parse(value)) { }
    }

    [Fact]
    public void A_positional_record_should_be_its_members_in_order_after_a_presence_flag()
    {
        var count = new Count(42, "hot", 1_700_000_010_000);

        using var expected = new MemoryStream();
        using (var writer = new BinaryWriter(expected))
        {
            writer.Write(true);
            writer.WriteVarLong(42);
            writer.WriteNullableString("hot");
            writer.WriteVarLong(1_700_000_010_000);
        }

        Assert.IsType<PositionalSerializer<Count>>(WireSerializers.Get<Count>());
        Assert.Equal(expected.ToArray(), Bytes(count, WireSerializers.Get<Count>()));
        Assert.Equal(count, RoundTrip(count, WireSerializers.Get<Count>()));
        Assert.True(Bytes(count, WireSerializers.Get<Count>()).Length * 3 < Bytes(count).Length, "several times smaller than the JSON state form");
    }

    [Fact]
    public void Members_set_after_construction_nested_records_and_nulls_should_round_trip()
    {
        var at = new DateTimeOffset(2026, 12, 7, 8, 30, 0, TimeSpan.FromHours(1));
        var order = new Order("alice", new Count(7, null, 10), ["a", "b"], at, 12.5m) { Priority = 3 };
        var serializer = WireSerializers.Get<Order>();

        var copy = RoundTrip(order, serializer);

        Assert.Equal((order.Customer, order.Last, order.At, order.Amount, order.Priority, order.Summary),
            (copy.Customer, copy.Last, copy.At, copy.Amount, copy.Priority, copy.Summary));
        Assert.Equal(order.Tags, copy.Tags);
        Assert.Null(RoundTrip<Order>(null!, serializer));
        Assert.Null(RoundTrip(order with { Last = null, Tags = null! }, serializer).Tags);
    }

    [Fact]
    public void Private_setters_of_a_base_type_and_public_fields_should_round_trip()
    {
        var reading = new Reading { Value = -0.25, Day = DayOfWeek.Friday, Sequence = null };
        reading.Assign("sensor-1");

        var copy = RoundTrip(reading, WireSerializers.Get<Reading>());

        Assert.IsType<PositionalSerializer<Reading>>(WireSerializers.Get<Reading>());
        Assert.Equal(("sensor-1", -0.25, DayOfWeek.Friday, (long?)null), (copy.Id, copy.Value, copy.Day, copy.Sequence));
    }

    [Fact]
    public void Structs_should_round_trip_through_their_constructor_or_their_members()
    {
        Assert.Equal(new Span(10, 20), RoundTrip(new Span(10, 20), WireSerializers.Get<Span>()));
        var cell = RoundTrip(new Cell { Row = 3, Text = "x" }, WireSerializers.Get<Cell>());
        Assert.Equal((3, "x"), (cell.Row, cell.Text));
        Assert.IsType<PositionalSerializer<Cell>>(WireSerializers.Get<Cell>());
    }

    [Fact]
    public void A_recursive_type_should_be_positional_outside_and_keep_the_state_serializer_inside()
    {
        var list = new Node(1, new Node(2, new Node(3, null)));

        var serializer = WireSerializers.Get<Node>();

        Assert.IsType<PositionalSerializer<Node>>(serializer);
        Assert.Equal(list, RoundTrip(list, serializer));
        Assert.Same(serializer, WireSerializers.Get<Node>());
    }

    [Fact]
    public void Types_whose_json_content_is_not_their_public_members_should_keep_the_json_fallback()
    {
        Assert.IsType<JsonFallbackSerializer<Bag>>(WireSerializers.Get<Bag>());
        Assert.IsType<JsonFallbackSerializer<WithIgnored>>(WireSerializers.Get<WithIgnored>());
        Assert.IsType<JsonFallbackSerializer<TwoConstructors>>(WireSerializers.Get<TwoConstructors>());
        Assert.IsType<JsonFallbackSerializer<Mismatched>>(WireSerializers.Get<Mismatched>());
        var bag = new Bag { Items = { 1, 2 } };
        Assert.Equal([1, 2], RoundTrip(bag, WireSerializers.Get<Bag>()).Items);
    }

    [Fact]
    public void Types_with_a_registered_or_built_in_serializer_should_keep_it()
    {
        Assert.Same(TypeSerializers.Get<long>(), WireSerializers.Get<long>());
        Assert.Same(TypeSerializers.Get<string>(), WireSerializers.Get<string>());
    }

    [Fact]
    public void Collections_and_tuples_should_carry_their_records_positionally()
    {
        var counts = new List<Count> { new(1, "a", 10), new(2, null, 20) };
        (int Rank, Count Count, Count[] More) ranked = (1, new Count(3, "c", 30), [new Count(4, "d", 40)]);

        var listBytes = Bytes(counts, WireSerializers.Get<List<Count>>());
        var copy = RoundTrip(ranked, WireSerializers.Get<(int, Count, Count[])>());

        Assert.Equal(counts, Read(listBytes, WireSerializers.Get<List<Count>>()));
        Assert.True(listBytes.Length * 3 < Bytes(counts).Length, "the list's records without their member names");
        Assert.Equal((ranked.Rank, ranked.Count), (copy.Item1, copy.Item2));
        Assert.Equal(ranked.More, copy.Item3);
        Assert.Null(RoundTrip<List<Count>>(null!, WireSerializers.Get<List<Count>>()));
    }
}

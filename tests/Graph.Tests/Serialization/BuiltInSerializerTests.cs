using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Serialization.SerializerAssert;

namespace ActorStream.Graph.Tests.Serialization;

public sealed class BuiltInSerializerTests
{
    private enum Color : byte { Red = 1, Blue = 200 }

    private enum Delta : long { Down = -5_000_000_000, Up = 5_000_000_000 }

    [Flags]
    private enum Access : ulong { Read = 1, Top = 1UL << 63 }

    [Fact]
    public void Primitives_should_round_trip_including_their_extremes()
    {
        Assert.Equal([true, false], new[] { RoundTrip(true), RoundTrip(false) });
        Assert.Equal([byte.MinValue, byte.MaxValue], new[] { RoundTrip(byte.MinValue), RoundTrip(byte.MaxValue) });
        Assert.Equal([sbyte.MinValue, sbyte.MaxValue], new[] { RoundTrip(sbyte.MinValue), RoundTrip(sbyte.MaxValue) });
        Assert.Equal([short.MinValue, short.MaxValue], new[] { RoundTrip(short.MinValue), RoundTrip(short.MaxValue) });
        Assert.Equal([ushort.MinValue, ushort.MaxValue], new[] { RoundTrip(ushort.MinValue), RoundTrip(ushort.MaxValue) });
        Assert.Equal([int.MinValue, -1, 0, 1, int.MaxValue], new[] { int.MinValue, -1, 0, 1, int.MaxValue }.Select(v => RoundTrip(v)));
        Assert.Equal([uint.MinValue, uint.MaxValue], new[] { RoundTrip(uint.MinValue), RoundTrip(uint.MaxValue) });
        Assert.Equal([long.MinValue, -1L, 0L, long.MaxValue], new[] { long.MinValue, -1L, 0L, long.MaxValue }.Select(v => RoundTrip(v)));
        Assert.Equal([ulong.MinValue, ulong.MaxValue], new[] { RoundTrip(ulong.MinValue), RoundTrip(ulong.MaxValue) });
        Assert.Equal([float.MinValue, float.NaN, float.PositiveInfinity, 1.5f], new[] { float.MinValue, float.NaN, float.PositiveInfinity, 1.5f }.Select(v => RoundTrip(v)));
        Assert.Equal([double.Epsilon, double.NaN, double.NegativeInfinity, -0.1], new[] { double.Epsilon, double.NaN, double.NegativeInfinity, -0.1 }.Select(v => RoundTrip(v)));
        Assert.Equal([decimal.MinValue, 1.2345678901234567890123456789m], new[] { RoundTrip(decimal.MinValue), RoundTrip(1.2345678901234567890123456789m) });
        Assert.Equal(['a', 'é', '\uffff', '\ud800'], new[] { 'a', 'é', '\uffff', '\ud800' }.Select(v => RoundTrip(v)));
    }

    [Fact]
    public void Small_integers_should_take_one_byte()
    {
        Assert.Single(Bytes(0));
        Assert.Single(Bytes(-1));
        Assert.Single(Bytes(63L));
        Assert.Equal(10, Bytes(long.MinValue).Length);
        Assert.Equal(5, Bytes(int.MaxValue).Length);
    }

    [Fact]
    public void Strings_should_round_trip_null_empty_and_any_unicode()
    {
        string?[] values = [null, "", "abc", "Grüße 🌍", new string('x', 10_000)];

        Assert.Equal(values, values.Select(v => RoundTrip(v)));
        Assert.Equal([0], Bytes<string?>(null));
        Assert.Equal([2], Bytes(""));
        Assert.Equal([5, (byte)'a', (byte)'b', (byte)'c'], Bytes("abc"));
    }

    [Fact]
    public void A_string_with_lone_surrogates_should_round_trip_unaltered()
    {
        string[] malformed = ["a\ud800b", "\udfff", "x\ud83d"];

        Assert.Equal(malformed, malformed.Select(v => RoundTrip(v)));
        Assert.Equal([1, 3, (byte)'a', 0, 0x00, 0xd8, (byte)'b', 0], Bytes("a\ud800b"));
    }

    [Fact]
    public void Guid_dates_and_time_spans_should_round_trip_exactly()
    {
        var guid = Guid.NewGuid();
        var utc = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567);
        var unspecified = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var offset = new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromMinutes(-330)).AddTicks(42);

        Assert.Equal(guid, RoundTrip(guid));
        Assert.Equal(16, Bytes(guid).Length);
        Assert.Equal((utc, DateTimeKind.Utc), (RoundTrip(utc), RoundTrip(utc).Kind));
        Assert.Equal((unspecified, DateTimeKind.Unspecified), (RoundTrip(unspecified), RoundTrip(unspecified).Kind));
        Assert.Equal((offset, offset.Offset), (RoundTrip(offset), RoundTrip(offset).Offset));
        Assert.Equal([TimeSpan.MinValue, TimeSpan.FromTicks(-1), TimeSpan.MaxValue], new[] { TimeSpan.MinValue, TimeSpan.FromTicks(-1), TimeSpan.MaxValue }.Select(v => RoundTrip(v)));
    }

    [Fact]
    public void Byte_arrays_should_round_trip_null_empty_and_content()
    {
        Assert.Null(RoundTrip<byte[]?>(null));
        Assert.Empty(RoundTrip(Array.Empty<byte>())!);
        Assert.Equal([1, 2, 255], RoundTrip(new byte[] { 1, 2, 255 }));
        Assert.Equal(4, Bytes(new byte[] { 1, 2, 255 }).Length);
    }

    [Fact]
    public void Enums_should_round_trip_over_every_underlying_type()
    {
        Assert.Equal(Color.Blue, RoundTrip(Color.Blue));
        Assert.Equal((Color)7, RoundTrip((Color)7));
        Assert.Equal([Delta.Down, Delta.Up], new[] { RoundTrip(Delta.Down), RoundTrip(Delta.Up) });
        Assert.Equal(Access.Read | Access.Top, RoundTrip(Access.Read | Access.Top));
        Assert.Equal(DayOfWeek.Saturday, RoundTrip(DayOfWeek.Saturday));
        Assert.Single(Bytes(DayOfWeek.Saturday));
    }

    [Fact]
    public void Nullables_should_round_trip_with_and_without_a_value()
    {
        Assert.Null(RoundTrip<int?>(null));
        Assert.Equal(5, RoundTrip<int?>(5));
        Assert.Equal(Color.Red, RoundTrip<Color?>(Color.Red));
        Assert.Equal(new DateTime(2020, 1, 1), RoundTrip<DateTime?>(new DateTime(2020, 1, 1)));
    }

    [Fact]
    public void Value_tuples_of_two_to_seven_items_should_round_trip()
    {
        Assert.Equal(("a", 1L), RoundTrip(("a", 1L)));
        Assert.Equal((1, "b", 2.5), RoundTrip((1, "b", 2.5)));
        Assert.Equal((1, 2, 3, "d"), RoundTrip((1, 2, 3, "d")));
        Assert.Equal((1, 2, 3, 4, (string?)null), RoundTrip((1, 2, 3, 4, (string?)null)));
        Assert.Equal((1, 2, 3, 4, 5, 'f'), RoundTrip((1, 2, 3, 4, 5, 'f')));
        Assert.Equal((1, 2, 3, 4, 5, 6, true), RoundTrip((1, 2, 3, 4, 5, 6, true)));
        Assert.Equal(("nested", (1, (2L, "x"))), RoundTrip(("nested", (1, (2L, "x")))));
        Assert.Equal(3, Bytes(("a", 1L)).Length);
    }

    [Fact]
    public void Collections_should_round_trip_null_empty_and_nested()
    {
        Assert.Null(RoundTrip<List<int>?>(null));
        Assert.Empty(RoundTrip(new List<string>()));
        Assert.Equal(["a", null, "c"], RoundTrip(new List<string?> { "a", null, "c" }));
        Assert.Null(RoundTrip<long[]?>(null));
        Assert.Equal([1L, -2L, long.MaxValue], RoundTrip(new[] { 1L, -2L, long.MaxValue }));
        Assert.Null(RoundTrip<Dictionary<string, int>?>(null));
        var map = new Dictionary<string, List<(int, string)>> { ["x"] = [(1, "one")], ["y"] = [] };
        var restored = RoundTrip(map);
        Assert.Equal(map.Keys, restored.Keys);
        Assert.Equal(map["x"], restored["x"]);
        Assert.Empty(restored["y"]);
    }

    [Fact]
    public void Window_namespaces_should_round_trip_compactly()
    {
        Assert.Equal(new TimeWindow(1_700_000_000_000, 1_700_000_060_000), RoundTrip(new TimeWindow(1_700_000_000_000, 1_700_000_060_000)));
        Assert.Equal(new TimeWindow(-10, 5), RoundTrip(new TimeWindow(-10, 5)));
        Assert.Equal(new TimeWindow(long.MinValue, long.MaxValue), RoundTrip(new TimeWindow(long.MinValue, long.MaxValue)));
        Assert.Same(GlobalWindow.Instance, RoundTrip(GlobalWindow.Instance));
        Assert.Empty(Bytes(GlobalWindow.Instance));
        Assert.Equal(VoidNamespace.Instance, RoundTrip(VoidNamespace.Instance));
        Assert.Empty(Bytes(VoidNamespace.Instance));
    }

    [Fact]
    public void Timestamped_values_of_evicting_windows_should_round_trip()
    {
        var value = new TimestampedValue<(string, long)>(("a", 3), 42);

        Assert.Equal(value, RoundTrip(value));
        Assert.Equal(new TimestampedValue<string>("x", long.MinValue), RoundTrip(new TimestampedValue<string>("x", long.MinValue)));
    }

    [Fact]
    public void Tagged_unions_of_window_joins_should_round_trip_only_their_side()
    {
        var first = TaggedUnion<string, long>.First("left");
        var second = TaggedUnion<string, long>.Second(42);

        Assert.Equal([first, second], new[] { RoundTrip(first), RoundTrip(second) });
        Assert.Equal(2, Bytes(second).Length);
    }
}

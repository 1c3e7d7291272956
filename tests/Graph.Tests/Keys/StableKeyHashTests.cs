using ActorStream.Graph.Keys;

namespace ActorStream.Graph.Tests.Keys;

/// <summary>
/// Stable hashes must be the same in every process. The constants below were computed outside .NET:
/// strings with Java's String.hashCode and Long.hashCode (OpenJDK 17), tuples with the documented scheme
/// h = 17; h = h * 31 + hash(item) in Java int arithmetic. .NET randomises string.GetHashCode per process,
/// so matching these constants shows the hash does not depend on it.
/// </summary>
public sealed class StableKeyHashTests
{
    private sealed record CustomerId(string Region, int Number) : IStableHashable
    {
        public int GetStableHashCode() => Number * 1000;
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 99162322)]
    [InlineData("ActorStream", -1562541643)]
    [InlineData("emoji\ud83d\ude00", -1623288791)]
    public void Strings_should_hash_like_Java_String_hashCode(string key, int expected) =>
        Assert.Equal(expected, StableKeyHash<string>.Hash(key));

    [Fact]
    public void Integral_keys_should_hash_like_Java_boxed_integers()
    {
        Assert.Equal(-42, StableKeyHash<int>.Hash(-42));
        Assert.Equal(1912276436, StableKeyHash<long>.Hash(1234567890123L));
        Assert.Equal(int.MinValue, StableKeyHash<long>.Hash(long.MinValue));
        Assert.Equal(0, StableKeyHash<long>.Hash(-1L));
    }

    [Fact]
    public void Value_tuples_should_combine_their_items_with_the_documented_scheme()
    {
        Assert.Equal(19345, StableKeyHash<(string, int)>.Hash(("a", 1)));
        Assert.Equal(-1220918935, StableKeyHash<(string, long)>.Hash(("hello", 42L)));
        Assert.Equal(-77950925, StableKeyHash<(string, string)>.Hash(("user-7", "Gr\u00fc\u00dfe")));
        Assert.Equal(40147, StableKeyHash<(string, (string, int))>.Hash(("x", ("y", 2))));
        Assert.Equal(19654, StableKeyHash<(string, string?)>.Hash(("k", null)));
    }

    [Fact]
    public void A_tuple_key_should_land_in_the_key_group_of_its_stable_hash() =>
        Assert.Equal(64, KeyGroupRangeAssignment.AssignToKeyGroup(("hello", 42L), 128));

    [Fact]
    public void Keys_implementing_IStableHashable_should_use_their_own_hash()
    {
        Assert.Equal(7000, StableKeyHash<CustomerId>.Hash(new CustomerId("eu", 7)));
        Assert.Equal(unchecked(17 * 31 + 7000), StableKeyHash<ValueTuple<CustomerId>>.Hash(new ValueTuple<CustomerId>(new CustomerId("eu", 7))));
    }

    [Fact]
    public void Nullable_keys_should_hash_like_their_value_and_null_as_zero()
    {
        Assert.Equal(5, StableKeyHash<int?>.Hash(5));
        Assert.Equal(0, StableKeyHash<int?>.Hash(null));
        Assert.Equal(0, StableKeyHash<string?>.Hash(null));
        Assert.Equal(19345, StableKeyHash<(string, int)?>.Hash(("a", 1)));
    }

    [Fact]
    public void A_string_key_typed_as_object_should_hash_like_the_string()
    {
        Assert.Equal(99162322, StableKeyHash<object>.Hash("hello"));
        Assert.Equal(19345, StableKeyHash<object>.Hash(("a", 1)));
    }

    [Fact]
    public void Value_tuples_of_every_arity_should_hash_with_the_documented_scheme_over_their_flattened_items()
    {
        Assert.Equal(Scheme(7), StableKeyHash<ValueTuple<int>>.Hash(new ValueTuple<int>(7)));
        Assert.Equal(Scheme("a", 1L), StableKeyHash<(string, long)>.Hash(("a", 1L)));
        Assert.Equal(Scheme("a", null, 3), StableKeyHash<(string, string?, int)>.Hash(("a", null, 3)));
        Assert.Equal(Scheme(1, "b", 3L, 'd'), StableKeyHash<(int, string, long, char)>.Hash((1, "b", 3L, 'd')));
        Assert.Equal(Scheme(1, 2, 3, 4, "e"), StableKeyHash<(int, int, int, int, string)>.Hash((1, 2, 3, 4, "e")));
        Assert.Equal(Scheme(1, 2, 3, 4, 5, 6), StableKeyHash<(int, int, int, int, int, int)>.Hash((1, 2, 3, 4, 5, 6)));
        Assert.Equal(Scheme(1, 2, 3, 4, 5, 6, "g"), StableKeyHash<(int, int, int, int, int, int, string)>.Hash((1, 2, 3, 4, 5, 6, "g")));
        Assert.Equal(Scheme(1, 2, 3, 4, 5, 6, 7, "h", 9), StableKeyHash<(int, int, int, int, int, int, int, string, int)>.Hash((1, 2, 3, 4, 5, 6, 7, "h", 9)));
        Assert.Equal(unchecked(17 * 31 + Scheme("y", 2)) * 31 + 5000,
            StableKeyHash<((string, int), CustomerId)>.Hash((("y", 2), new CustomerId("eu", 5))));
        Assert.Equal(Scheme("x", 2), StableKeyHash<(object, int)>.Hash(("x", 2)));
    }

    [Fact]
    public void Hashing_a_value_tuple_key_should_not_allocate()
    {
        var key = (1234567890123L, 42);
        var stringKey = ("user-7", 3);
        var sum = StableKeyHash<(long, int)>.Hash(key) + StableKeyHash<(string, int)>.Hash(stringKey); // first calls initialise the hashers

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            sum += StableKeyHash<(long, int)>.Hash(key) + StableKeyHash<(string, int)>.Hash(stringKey);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sum);
    }

    /// <summary>The documented scheme, written out: h = 17, then h * 31 + hash(item) per item (strings as Java, ints as themselves, null as 0).</summary>
    private static int Scheme(params object?[] items)
    {
        var h = 17;
        foreach (var item in items)
            h = unchecked(h * 31 + item switch { null => 0, string s => StableKeyHash<string>.Hash(s), long l => StableKeyHash<long>.Hash(l), _ => item.GetHashCode() });
        return h;
    }
}

using ActorStream.Graph.Keys;

namespace ActorStream.Graph.Tests.Keys;

/// <summary>
/// Reference values from Flink's KeyGroupRangeAssignment (assignToKeyGroup = murmurHash(key.hashCode()) % maxParallelism,
/// computeOperatorIndexForKeyGroup = keyGroup * parallelism / maxParallelism), ported to a Java 17 program and run
/// with OpenJDK 17.0.15 on Integer, Long and String keys (String literals written with \u escapes).
/// </summary>
public sealed class KeyGroupRangeAssignmentTests
{
    [Theory]
    [InlineData(0, 94, 2526, 3)]
    [InlineData(1, 86, 4054, 3)]
    [InlineData(2, 127, 2943, 4)]
    [InlineData(3, 113, 2417, 4)]
    [InlineData(42, 29, 3613, 1)]
    [InlineData(-1, 80, 2896, 3)]
    [InlineData(-42, 96, 352, 3)]
    [InlineData(123456789, 81, 2385, 3)]
    [InlineData(int.MaxValue, 62, 3262, 2)]
    [InlineData(int.MinValue, 108, 2156, 4)]
    public void Int_keys_should_land_where_Flink_puts_Integer_keys(int key, int keyGroup128, int keyGroup4096, int subtaskOf5)
    {
        Assert.Equal(keyGroup128, KeyGroupRangeAssignment.AssignToKeyGroup(key, 128));
        Assert.Equal(keyGroup4096, KeyGroupRangeAssignment.AssignToKeyGroup(key, 4096));
        Assert.Equal(subtaskOf5, KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, 5));
    }

    [Theory]
    [InlineData(0L, 94)]
    [InlineData(1L, 86)]
    [InlineData(-1L, 94)]
    [InlineData(4294967296L, 86)]
    [InlineData(1234567890123L, 92)]
    [InlineData(long.MinValue, 108)]
    public void Long_keys_should_land_where_Flink_puts_Long_keys(long key, int keyGroup128) =>
        Assert.Equal(keyGroup128, KeyGroupRangeAssignment.AssignToKeyGroup(key, 128));

    [Theory]
    [InlineData("", 0, 94, 31198, 2)]
    [InlineData("a", 97, 81, 19409, 2)]
    [InlineData("hello", 99162322, 35, 31395, 1)]
    [InlineData("Flink", 67968320, 127, 22143, 3)]
    [InlineData("ActorStream", -1562541643, 112, 752, 3)]
    [InlineData("Gr\u00fc\u00dfe", 69215351, 115, 9715, 3)]
    [InlineData("\u65e5\u672c\u8a9e", 25921943, 27, 6683, 0)]
    [InlineData("emoji\ud83d\ude00", -1623288791, 110, 4078, 3)]
    [InlineData("key-17", -1134722988, 96, 26592, 3)]
    public void String_keys_should_hash_and_land_like_Java_strings_in_Flink(
        string key, int javaHashCode, int keyGroup128, int keyGroup32768, int subtaskOf4)
    {
        Assert.Equal(javaHashCode, StableKeyHash<string>.Hash(key));
        Assert.Equal(keyGroup128, KeyGroupRangeAssignment.AssignToKeyGroup(key, 128));
        Assert.Equal(keyGroup32768, KeyGroupRangeAssignment.AssignToKeyGroup(key, 32768));
        Assert.Equal(subtaskOf4, KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, 4));
    }

    [Fact]
    public void Key_group_ranges_should_match_Flink_for_128_key_groups_over_5_subtasks()
    {
        var ranges = Enumerable.Range(0, 5).Select(i => KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 5, i));

        Assert.Equal([new(0, 25), new(26, 51), new(52, 76), new(77, 102), new KeyGroupRange(103, 127)], ranges);
    }

    [Fact]
    public void The_key_group_of_a_hash_should_be_the_murmur_hash_modulo_the_max_parallelism()
    {
        Assert.Equal(593689054 % 128, KeyGroupRangeAssignment.ComputeKeyGroupForKeyHash(0, 128));
        Assert.Equal(0, KeyGroupRangeAssignment.ComputeKeyGroupForKeyHash(12345, 1));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(32769, 1)]
    [InlineData(128, 0)]
    [InlineData(128, 129)]
    public void Invalid_parallelism_pairs_should_be_rejected(int maxParallelism, int parallelism) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, 0));

    [Fact]
    public void The_largest_max_parallelism_should_be_two_to_the_fifteenth()
    {
        Assert.Equal(32768, KeyGroupRangeAssignment.UpperBoundMaxParallelism);
        Assert.Equal(new KeyGroupRange(32767, 32767), KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(32768, 32768, 32767));
    }

    [Fact]
    public void KeyGroupRange_should_count_contain_and_list_its_groups()
    {
        var range = new KeyGroupRange(3, 6);

        Assert.Equal(4, range.Count);
        Assert.Equal([3, 4, 5, 6], range.KeyGroups);
        Assert.True(range.Contains(3) && range.Contains(6));
        Assert.False(range.Contains(2) || range.Contains(7));
        Assert.Equal(0, new KeyGroupRange(5, 4).Count);
        Assert.Equal("KeyGroupRange[3..6]", range.ToString());
    }
}

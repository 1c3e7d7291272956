using ActorStream.Graph.Keys;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ActorStream.Graph.Tests.Keys;

public sealed class KeyGroupRangeProperties
{
    /// <summary>Every key group in [0, maxParallelism) is owned by exactly one subtask, and the owner agrees with the ranges.</summary>
    private static void AssertPartition(int maxParallelism, int parallelism)
    {
        var owners = new int[maxParallelism];
        for (var subtask = 0; subtask < parallelism; subtask++)
        {
            var range = KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtask);
            Assert.True(range.Count > 0, $"subtask {subtask} of {parallelism} owns no key group of {maxParallelism}");
            foreach (var keyGroup in range.KeyGroups)
            {
                owners[keyGroup]++;
                Assert.Equal(subtask, KeyGroupRangeAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup));
            }
        }
        Assert.All(owners, count => Assert.Equal(1, count));
    }

    /// <summary>Max parallelism uniformly in [1, 2^15], parallelism uniformly in [1, max parallelism].</summary>
    private static readonly Arbitrary<(int MaxParallelism, int Parallelism)> Pairs = Arb.From(
        from max in Gen.Choose(1, KeyGroupRangeAssignment.UpperBoundMaxParallelism)
        from parallelism in Gen.Choose(1, max)
        select (max, parallelism));

    [Property(MaxTest = 200)]
    public Property Every_key_group_should_be_owned_by_exactly_one_subtask() =>
        Prop.ForAll(Pairs, pair => AssertPartition(pair.MaxParallelism, pair.Parallelism));

    /// <summary>
    /// Exhaustive for max parallelism 1..1024 and every parallelism up to it: the ranges tile [0, max) in order
    /// without gaps or overlaps, and the first and last group of each range map back to its subtask
    /// (ComputeOperatorIndexForKeyGroup is monotonic, so the groups in between do too).
    /// </summary>
    [Fact]
    public void Ranges_should_tile_the_key_groups_for_every_parallelism_up_to_1024()
    {
        for (var maxParallelism = 1; maxParallelism <= 1024; maxParallelism++)
        {
            for (var parallelism = 1; parallelism <= maxParallelism; parallelism++)
            {
                var next = 0;
                for (var subtask = 0; subtask < parallelism; subtask++)
                {
                    var range = KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtask);
                    if (range.StartKeyGroup != next || range.EndKeyGroup < range.StartKeyGroup
                        || KeyGroupRangeAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, range.StartKeyGroup) != subtask
                        || KeyGroupRangeAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, range.EndKeyGroup) != subtask)
                        Assert.Fail($"max {maxParallelism}, parallelism {parallelism}, subtask {subtask}: {range} after {next - 1}");
                    next = range.EndKeyGroup + 1;
                }
                if (next != maxParallelism)
                    Assert.Fail($"max {maxParallelism}, parallelism {parallelism}: ranges end at {next - 1}");
            }
        }
    }

    [Property(MaxTest = 300)]
    public void A_key_should_go_to_the_subtask_whose_range_holds_its_key_group(string? key, PositiveInt p)
    {
        var k = key ?? "";
        var parallelism = (p.Get - 1) % 128 + 1;
        var subtask = KeyGroupRangeAssignment.AssignKeyToParallelOperator(k, 128, parallelism);

        Assert.True(KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(128, parallelism, subtask)
            .Contains(KeyGroupRangeAssignment.AssignToKeyGroup(k, 128)));
    }
}

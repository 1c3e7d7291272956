using ActorStream.Graph.Keys;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Tests.Harness;
using ActorStream.Graph.Windowing;
using static ActorStream.Graph.Tests.Windowing.WindowTestKit;

namespace ActorStream.Graph.Tests.Windowing;

/// <summary>
/// Window operators, whole and sliced, take the key groups a keyed edge carries when the sender computed them with
/// the operator's own key selector: no key is hashed again and every window comes out as from records one by one.
/// </summary>
public sealed class WindowKeyGroupTests
{
    private sealed record Bid(CountedKey Key, long Value);

    private static readonly Func<Bid, CountedKey> ByKey = bid => bid.Key;

    private static DataStream<Bid> Bids() => StreamExecutionEnvironment.Create().FromCollection(Array.Empty<Bid>());

    public static TheoryData<string> Shapes => ["sliced", "whole", "session"];

    private static DataStream<Bid> Windowed(string shape)
    {
        var keyed = Bids().KeyBy(ByKey);
        return shape switch
        {
            "sliced" => keyed.Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).Reduce((a, b) => a with { Value = a.Value + b.Value }),
            "whole" => keyed.Window(SlidingEventTimeWindows.Of(Ms(10), Ms(5))).Slicing(false).Reduce((a, b) => a with { Value = a.Value + b.Value }),
            _ => keyed.Window(EventTimeSessionWindows.WithGap(Ms(4))).Reduce((a, b) => a with { Value = a.Value + b.Value }),
        };
    }

    private static StreamRecord<Bid>[] Records(HashCounter keys) =>
        [.. Enumerable.Range(0, 60).Select(i => new StreamRecord<Bid>(new Bid(keys.Key(i % 7), i), i % 23))];

    private static List<string> Run(string shape, Func<StreamRecord<Bid>[], Delegate?> carry)
    {
        var harness = OperatorHarness.ForStream<Bid, Bid>(Windowed(shape)).Open();
        var keys = new HashCounter();
        var records = Records(keys);
        var groups = records.Select(r => KeyGroupRangeAssignment.AssignToKeyGroup(r.Value.Key, 128)).ToArray();
        var selector = carry(records);
        var hashedBefore = keys.Hashes;
        if (selector is null)
            harness.Operator.ProcessBatch(records);
        else
            harness.Operator.ProcessBatch(records, new BatchKeyGroups(groups, selector));
        var hashes = keys.Hashes - hashedBefore;
        harness.ProcessWatermark(long.MaxValue);
        return [$"hashes:{hashes}", .. harness.Records.Select(r => $"{r.Value.Key.Id}:{r.Value.Value}@{r.Timestamp}").Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Carried_key_groups_of_the_operators_own_selector_should_spare_every_hash_and_give_the_same_windows(string shape)
    {
        var oneByOne = Run(shape, _ => null);
        var carried = Run(shape, _ => ByKey);

        Assert.Equal("hashes:60", oneByOne[0]);
        Assert.Equal("hashes:0", carried[0]);
        Assert.True(oneByOne.Count > 10);
        Assert.Equal(oneByOne.Skip(1), carried.Skip(1));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Key_groups_of_another_selector_should_be_ignored(string shape)
    {
        Func<Bid, CountedKey> other = bid => bid.Key;

        var carried = Run(shape, _ => other);

        Assert.Equal("hashes:60", carried[0]);
        Assert.Equal(Run(shape, _ => null).Skip(1), carried.Skip(1));
    }
}

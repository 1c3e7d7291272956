using ActorStream.Graph.State;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.State;

/// <summary>Every state kind survives snapshot and restore, key by key.</summary>
public sealed class KeyedStateRoundTripTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 200).Select(i => $"key-{i}")];

    private sealed class Average : IAggregateFunction<int, (long Sum, int Count), double>
    {
        public (long Sum, int Count) CreateAccumulator() => (0, 0);

        public (long Sum, int Count) Add(int value, (long Sum, int Count) accumulator) => (accumulator.Sum + value, accumulator.Count + 1);

        public double GetResult((long Sum, int Count) accumulator) => (double)accumulator.Sum / accumulator.Count;

        public (long Sum, int Count) Merge((long Sum, int Count) a, (long Sum, int Count) b) => (a.Sum + b.Sum, a.Count + b.Count);
    }

    private sealed record Profile(string Name, List<int> Scores);

    private static readonly ValueStateDescriptor<Profile> ValueDescriptor = new("profile");
    private static readonly ListStateDescriptor<long> ListDescriptor = new("list");
    private static readonly MapStateDescriptor<string, (int, string?)> MapDescriptor = new("map");
    private static readonly ReducingStateDescriptor<long> ReducingDescriptor = new("max", Math.Max);
    private static readonly AggregatingStateDescriptor<int, (long Sum, int Count), double> AggregatingDescriptor = new("avg", new Average());

    private static void Fill(HeapKeyedStateBackend<string> backend)
    {
        var value = backend.GetState(ValueDescriptor);
        var list = backend.GetListState(ListDescriptor);
        var map = backend.GetMapState(MapDescriptor);
        var reducing = backend.GetReducingState(ReducingDescriptor);
        var aggregating = backend.GetAggregatingState(AggregatingDescriptor);
        for (var i = 0; i < Keys.Length; i++)
        {
            backend.SetCurrentKey(Keys[i]);
            value.Update(new Profile(Keys[i], [i, i * 2]));
            if (i % 3 != 0)
                list.AddAll([i, -i]);
            map.Put("a", (i, null));
            map.Put("b", (-i, Keys[i]));
            reducing.Add(i);
            reducing.Add(i / 2);
            aggregating.Add(i);
            aggregating.Add(i + 1);
        }
    }

    private static void AssertFilled(HeapKeyedStateBackend<string> backend, IEnumerable<string> keys)
    {
        var value = backend.GetState(ValueDescriptor);
        var list = backend.GetListState(ListDescriptor);
        var map = backend.GetMapState(MapDescriptor);
        var reducing = backend.GetReducingState(ReducingDescriptor);
        var aggregating = backend.GetAggregatingState(AggregatingDescriptor);
        foreach (var key in keys)
        {
            var i = Array.IndexOf(Keys, key);
            backend.SetCurrentKey(key);
            Assert.Equal(key, value.Value().Name);
            Assert.Equal([i, i * 2], value.Value().Scores);
            Assert.Equal(i % 3 != 0 ? new long[] { i, -i } : [], list.Get());
            Assert.Equal([("a", (i, (string?)null)), ("b", (-i, key))], map.Entries().Select(e => (e.Key, e.Value)).Order());
            Assert.Equal(i, reducing.Get());
            Assert.Equal(i + 0.5, aggregating.Get());
        }
    }

    [Fact]
    public void Every_state_kind_should_survive_a_snapshot_and_restore()
    {
        var backend = Backend<string>();
        Fill(backend);

        var restored = Backend<string>().RestoreFrom(SnapshotAll(backend));

        AssertFilled(restored, Keys);
        Assert.Equal(
            backend.Tables.Select(t => (t.Name, t.Count)).Order(),
            restored.Tables.Select(t => (t.Name, t.Count)).Order());
    }

    [Fact]
    public void Restored_states_should_keep_working_after_the_restore()
    {
        var backend = Backend<string>();
        Fill(backend);
        var restored = Backend<string>().RestoreFrom(SnapshotAll(backend));
        var list = restored.GetListState(ListDescriptor);
        var reducing = restored.GetReducingState(ReducingDescriptor);

        restored.SetCurrentKey("key-1");
        list.Add(7);
        reducing.Add(100);
        restored.SetCurrentKey("key-3");
        list.Clear();

        restored.SetCurrentKey("key-1");
        Assert.Equal([1, -1, 7], list.Get());
        Assert.Equal(100, reducing.Get());
        restored.SetCurrentKey("key-3");
        Assert.Empty(list.Get());
    }

    [Fact]
    public void An_empty_key_group_should_give_a_small_valid_blob()
    {
        var backend = Backend<string>();
        backend.GetState(ValueDescriptor);

        var blob = backend.SnapshotKeyGroup(5);

        Assert.True(blob.Length < 20, $"{blob.Length} bytes");
        var restored = Backend<string>();
        restored.RestoreKeyGroup(5, blob);
        restored.GetState(ValueDescriptor);
        Assert.Equal(0, restored.Tables.Sum(t => t.Count));
    }

    [Fact]
    public void Tuple_keys_should_be_written_by_value_and_land_in_their_key_groups()
    {
        var backend = Backend<(string, int)>();
        var state = backend.GetState(new ValueStateDescriptor<int>("v"));
        foreach (var i in Enumerable.Range(0, 50))
        {
            backend.SetCurrentKey(($"k{i}", i));
            state.Update(i);
        }

        var restored = Backend<(string, int)>(parallelism: 2, subtaskIndex: 1).RestoreFrom(SnapshotAll(backend));
        var restoredState = restored.GetState(new ValueStateDescriptor<int>("v"));

        var mine = Enumerable.Range(0, 50).Where(i => restored.KeyGroups.Contains(KeyGroupOf(($"k{i}", i)))).ToList();
        Assert.NotEmpty(mine);
        Assert.Equal(mine, restored.GetKeys("v").Select(k => k.Item2).Order());
        foreach (var i in mine)
        {
            restored.SetCurrentKey(($"k{i}", i));
            Assert.Equal(i, restoredState.Value());
        }
    }
}

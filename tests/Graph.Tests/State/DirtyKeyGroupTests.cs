using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.State;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.State;

/// <summary>A checkpoint writes only the key groups that changed since the last one: every write marks its key group, reads do not.</summary>
public sealed class DirtyKeyGroupTests
{
    private const string A = "alpha";
    private const string B = "bravo";

    private sealed class Sum : IAggregateFunction<int, int, int>
    {
        public int CreateAccumulator() => 0;

        public int Add(int value, int accumulator) => accumulator + value;

        public int GetResult(int accumulator) => accumulator;

        public int Merge(int a, int b) => a + b;
    }

    private sealed class NoTarget : ITriggerable<string, VoidNamespace>
    {
        public void OnEventTime(InternalTimer<string, VoidNamespace> timer) { }

        public void OnProcessingTime(InternalTimer<string, VoidNamespace> timer) { }
    }

    /// <summary>A backend with A's key group holding a value of every kind and nothing dirty.</summary>
    private static (HeapKeyedStateBackend<string> Backend, States States) Clean()
    {
        var backend = Backend<string>();
        var states = new States(
            backend.GetState(new ValueStateDescriptor<int>("value")),
            backend.GetListState(new ListStateDescriptor<int>("list")),
            backend.GetMapState(new MapStateDescriptor<string, int>("map")),
            backend.GetReducingState(new ReducingStateDescriptor<int>("reducing", (a, b) => a + b)),
            backend.GetAggregatingState(new AggregatingStateDescriptor<int, int, int>("aggregating", new Sum())));
        backend.SetCurrentKey(A);
        states.Value.Update(1);
        states.List.Add(1);
        states.Map.Put("x", 1);
        states.Map.Put("y", 2);
        states.Reducing.Add(1);
        states.Aggregating.Add(1);
        SnapshotAll(backend);
        Assert.Empty(DirtyKeyGroups(backend));
        return (backend, states);
    }

    private sealed record States(
        IValueState<int> Value, IListState<int> List, IMapState<string, int> Map, IReducingState<int> Reducing, IAggregatingState<int, int> Aggregating);

    public static TheoryData<string> Writes => ["value.Update", "value.Clear", "list.Add", "list.AddAll", "list.Update", "list.Update(empty)",
        "list.Clear", "map.Put", "map.Remove", "map.Remove(last)", "map.Clear", "reducing.Add", "reducing.Clear", "aggregating.Add", "aggregating.Clear"];

    [Theory]
    [MemberData(nameof(Writes))]
    public void Every_write_should_mark_exactly_the_key_group_of_the_current_key(string write)
    {
        var (backend, s) = Clean();
        backend.SetCurrentKey(B);

        Action action = write switch
        {
            "value.Update" => () => s.Value.Update(2),
            "value.Clear" => s.Value.Clear,
            "list.Add" => () => s.List.Add(2),
            "list.AddAll" => () => s.List.AddAll([2, 3]),
            "list.Update" => () => s.List.Update([4]),
            "list.Update(empty)" => () => s.List.Update([]),
            "list.Clear" => s.List.Clear,
            "map.Put" => () => s.Map.Put("z", 3),
            "map.Remove" => () => s.Map.Remove("x"),
            "map.Remove(last)" => () => s.Map.Remove("x"),
            "map.Clear" => s.Map.Clear,
            "reducing.Add" => () => s.Reducing.Add(5),
            "reducing.Clear" => s.Reducing.Clear,
            "aggregating.Add" => () => s.Aggregating.Add(5),
            "aggregating.Clear" => s.Aggregating.Clear,
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        };
        backend.SetCurrentKey(A);
        if (write == "map.Remove(last)")
        {
            s.Map.Remove("y");
            SnapshotAll(backend);
        }
        action();

        Assert.Equal([KeyGroupOf(A)], DirtyKeyGroups(backend));
    }

    [Fact]
    public void Reads_should_not_mark_anything()
    {
        var (backend, s) = Clean();

        foreach (var key in new[] { A, B })
        {
            backend.SetCurrentKey(key);
            _ = s.Value.Value();
            _ = s.Value.TryGetValue(out _);
            _ = s.List.Get();
            _ = s.Map.Get("x");
            _ = s.Map.Contains("x");
            _ = s.Map.Entries().ToList();
            _ = s.Map.IsEmpty();
            _ = s.Reducing.Get();
            _ = s.Aggregating.Get();
        }

        Assert.Empty(DirtyKeyGroups(backend));
        Assert.Equal([A], backend.GetKeys("value"));
    }

    [Fact]
    public void Only_key_groups_touched_since_the_last_snapshot_should_be_dirty()
    {
        var (backend, s) = Clean();
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();

        foreach (var key in keys.Take(10))
        {
            backend.SetCurrentKey(key);
            s.Value.Update(1);
        }

        Assert.Equal(keys.Take(10).Select(KeyGroupOf).Distinct().Order(), DirtyKeyGroups(backend));
        var incremental = SnapshotAll(backend, onlyDirty: true);
        Assert.Equal(keys.Take(10).Select(KeyGroupOf).Distinct().Order(), incremental.Keys.Order());
        Assert.Empty(DirtyKeyGroups(backend));
    }

    [Fact]
    public void MarkAllDirty_should_make_the_next_checkpoint_full()
    {
        var (backend, _) = Clean();

        backend.MarkAllDirty();

        Assert.Equal(Enumerable.Range(0, 128), DirtyKeyGroups(backend));
        Assert.Equal(128, SnapshotAll(backend, onlyDirty: true).Count);
        Assert.Empty(DirtyKeyGroups(backend));
    }

    [Fact]
    public void A_restored_key_group_should_start_clean()
    {
        var (backend, s) = Clean();
        backend.SetCurrentKey(A);
        s.Value.Update(9);
        var blobs = SnapshotAll(backend);

        var restored = Backend<string>().RestoreFrom(blobs);

        Assert.Empty(DirtyKeyGroups(restored));
    }

    [Fact]
    public void Timer_registration_deletion_and_firing_should_mark_the_timers_key_group()
    {
        var (backend, _) = Clean();
        var timers = new InternalTimerService<string, VoidNamespace>("t", backend, new ManualProcessingTimeService(), new NoTarget());
        backend.SetCurrentKey(B);

        timers.RegisterEventTimeTimer(VoidNamespace.Instance, 10);
        Assert.Equal([KeyGroupOf(B)], DirtyKeyGroups(backend));
        SnapshotAll(backend);

        timers.RegisterEventTimeTimer(VoidNamespace.Instance, 10);
        Assert.Empty(DirtyKeyGroups(backend)); // already registered: nothing changed

        timers.DeleteEventTimeTimer(VoidNamespace.Instance, 10);
        Assert.Equal([KeyGroupOf(B)], DirtyKeyGroups(backend));
        SnapshotAll(backend);

        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 10);
        timers.RegisterEventTimeTimer(VoidNamespace.Instance, 20);
        SnapshotAll(backend);
        backend.SetCurrentKey(A);
        timers.AdvanceWatermark(20);
        Assert.Equal([KeyGroupOf(B)], DirtyKeyGroups(backend));
    }

    [Fact]
    public void An_incremental_checkpoint_over_a_full_one_should_restore_the_latest_state()
    {
        var (backend, s) = Clean();
        var keys = Enumerable.Range(0, 300).Select(i => $"k{i}").ToList();
        foreach (var key in keys)
        {
            backend.SetCurrentKey(key);
            s.Value.Update(1);
            s.List.Add(1);
        }
        var full = SnapshotAll(backend);
        foreach (var key in keys.Where((_, i) => i % 7 == 0))
        {
            backend.SetCurrentKey(key);
            s.Value.Update(2);
            s.List.Clear();
        }
        var incremental = SnapshotAll(backend, onlyDirty: true);
        var merged = new Dictionary<int, byte[]>(full);
        foreach (var (keyGroup, blob) in incremental)
            merged[keyGroup] = blob;

        var restored = Backend<string>().RestoreFrom(merged);
        var value = restored.GetState(new ValueStateDescriptor<int>("value"));
        var list = restored.GetListState(new ListStateDescriptor<int>("list"));

        Assert.True(incremental.Count < full.Count);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            restored.SetCurrentKey(key);
            Assert.Equal(i % 7 == 0 ? 2 : 1, value.Value());
            Assert.Equal(i % 7 == 0 ? Array.Empty<int>() : [1], list.Get());
        }
    }
}

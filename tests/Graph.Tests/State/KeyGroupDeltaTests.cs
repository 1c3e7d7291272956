using ActorStream.Graph.Keys;
using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Serialization;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Tests.State;

/// <summary>
/// Per-key deltas: once a key group was snapshot whole, a checkpoint writes only its keys and timers that changed (values,
/// tombstones for the removed, expired and fired); a base and its deltas, applied in order, restore exactly the live state,
/// also at another parallelism and before the operator registered its states.
/// </summary>
public sealed class KeyGroupDeltaTests
{
    private const int Keys = 2_000;

    private sealed class NoTarget : ITriggerable<string, VoidNamespace>
    {
        public void OnEventTime(InternalTimer<string, VoidNamespace> timer) { }

        public void OnProcessingTime(InternalTimer<string, VoidNamespace> timer) { }
    }

    /// <summary>One subtask's backend with a value, a list and a map state and event-time timers.</summary>
    private sealed class Subtask
    {
        public Subtask(int parallelism, int index, IProcessingTimeService? clock = null)
        {
            Backend = new HeapKeyedStateBackend<string>(
                new KeyGroupRangeInfo(KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(128, parallelism, index), 128),
                processingTime: clock);
        }

        public HeapKeyedStateBackend<string> Backend { get; }

        public IValueState<int> Value { get; private set; } = null!;

        public IListState<int> List { get; private set; } = null!;

        public IMapState<int, string> Map { get; private set; } = null!;

        public InternalTimerService<string, VoidNamespace> Timers { get; private set; } = null!;

        /// <summary>Registers the states and timers, as an operator does when it opens (after a restore).</summary>
        public Subtask Open()
        {
            Value = Backend.GetState(new ValueStateDescriptor<int>("value"));
            List = Backend.GetListState(new ListStateDescriptor<int>("list"));
            Map = Backend.GetMapState(new MapStateDescriptor<int, string>("map"));
            Timers = new InternalTimerService<string, VoidNamespace>("timers", Backend, new ManualProcessingTimeService(), new NoTarget());
            return this;
        }

        public bool Owns(string key) => Backend.KeyGroups.Contains(KeyGroupRangeAssignment.AssignToKeyGroup(key, 128));
    }

    /// <summary>What each key group's entity would hold: its base and the deltas after it.</summary>
    private sealed class Store
    {
        public Dictionary<int, List<byte[]>> Chains { get; } = [];

        public int Deltas { get; private set; }

        public int Wholes { get; private set; }

        /// <summary>Takes a checkpoint of <paramref name="subtask"/> as the runtime does: dirty key groups, a delta where the backend allows one.</summary>
        public void Checkpoint(Subtask subtask)
        {
            foreach (var keyGroup in subtask.Backend.KeyGroups.KeyGroups)
            {
                if (!subtask.Backend.IsDirty(keyGroup))
                    continue;
                if (subtask.Backend.SnapshotKeyGroupChanges(keyGroup) is { } delta)
                {
                    Chains[keyGroup].Add(delta);
                    Deltas++;
                }
                else
                {
                    Chains[keyGroup] = [subtask.Backend.SnapshotKeyGroup(keyGroup)];
                    Wholes++;
                }
            }
        }

        /// <summary>A new subtask restored from the chains of the key groups it owns, opened afterwards.</summary>
        public Subtask Restore(int parallelism, int index, IProcessingTimeService? clock = null)
        {
            var subtask = new Subtask(parallelism, index, clock);
            foreach (var keyGroup in subtask.Backend.KeyGroups.KeyGroups)
            {
                foreach (var blob in Chains.GetValueOrDefault(keyGroup) ?? [])
                    subtask.Backend.RestoreKeyGroup(keyGroup, blob);
            }
            subtask.Backend.MarkAllDirty(); // as the runtime: the first checkpoint after a restore is whole
            return subtask.Open();
        }
    }

    /// <summary>The state every run must have, kept beside the backends.</summary>
    private sealed class Model
    {
        public SortedDictionary<string, int> Values { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, List<int>> Lists { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, SortedDictionary<int, string>> Maps { get; } = new(StringComparer.Ordinal);

        public SortedSet<(long Time, string Key)> Timers { get; } = [];
    }

    private static string Key(int i) => $"key-{i}";

    /// <summary>Applies one round of changes (seeded) to the subtasks that own the keys and to the model.</summary>
    private static void Round(Random random, IReadOnlyList<Subtask> subtasks, Model model, int round, int changes)
    {
        Subtask At(string key)
        {
            var owner = subtasks.Single(s => s.Owns(key));
            owner.Backend.SetCurrentKey(key);
            return owner;
        }

        for (var i = 0; i < changes; i++)
        {
            var key = Key(random.Next(Keys));
            var s = At(key);
            switch (random.Next(8))
            {
                case 0 or 1:
                    s.Value.Update(round * 1000 + i);
                    model.Values[key] = round * 1000 + i;
                    break;
                case 2:
                    s.Value.Clear();
                    model.Values.Remove(key);
                    break;
                case 3:
                    s.List.Add(i);
                    if (!model.Lists.TryGetValue(key, out var list))
                        model.Lists[key] = list = [];
                    list.Add(i);
                    break;
                case 4:
                    s.List.Update([]); // removes the key
                    model.Lists.Remove(key);
                    break;
                case 5:
                    var mapKey = random.Next(4);
                    s.Map.Put(mapKey, $"r{round}");
                    if (!model.Maps.TryGetValue(key, out var map))
                        model.Maps[key] = map = [];
                    map[mapKey] = $"r{round}";
                    break;
                case 6:
                    var removed = random.Next(4);
                    s.Map.Remove(removed);
                    if (model.Maps.TryGetValue(key, out var m) && m.Remove(removed) && m.Count == 0)
                        model.Maps.Remove(key);
                    break;
                default:
                    var time = 100 + random.Next(50);
                    if (random.Next(3) == 0)
                    {
                        s.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, time);
                        model.Timers.Remove((time, key));
                    }
                    else
                    {
                        s.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, time);
                        model.Timers.Add((time, key));
                    }
                    break;
            }
        }
    }

    /// <summary>Fires every timer up to <paramref name="watermark"/> on every subtask and in the model.</summary>
    private static void Fire(IReadOnlyList<Subtask> subtasks, Model model, long watermark)
    {
        foreach (var s in subtasks)
            s.Timers.AdvanceWatermark(watermark);
        model.Timers.RemoveWhere(t => t.Time <= watermark);
    }

    /// <summary>Asserts that <paramref name="subtasks"/> together hold exactly the model's state.</summary>
    private static void AssertHolds(Model model, IReadOnlyList<Subtask> subtasks)
    {
        var values = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var lists = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var maps = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        var timers = new SortedSet<(long, string)>();
        for (var i = 0; i < Keys; i++)
        {
            var key = Key(i);
            var s = subtasks.Single(x => x.Owns(key));
            s.Backend.SetCurrentKey(key);
            if (s.Value.TryGetValue(out var value))
                values[key] = value;
            if (s.List.Get() is { Count: > 0 } list)
                lists[key] = [.. list];
            if (!s.Map.IsEmpty())
                maps[key] = new SortedDictionary<int, string>(s.Map.Entries().ToDictionary(e => e.Key, e => e.Value));
        }
        foreach (var s in subtasks)
        {
            foreach (var timer in s.Timers.EventTimers)
                timers.Add((timer.Timestamp, timer.Key));
        }
        Assert.Equal(model.Values, values);
        Assert.Equal(model.Lists, lists);
        Assert.Equal(model.Maps.Keys, maps.Keys);
        Assert.All(model.Maps, m => Assert.Equal(m.Value, maps[m.Key]));
        Assert.Equal(model.Timers, timers);
    }

    /// <summary>Fills every key's value, so each key group holds about 16 keys.</summary>
    private static void Fill(IReadOnlyList<Subtask> subtasks, Model model)
    {
        for (var i = 0; i < Keys; i++)
        {
            var key = Key(i);
            var s = subtasks.Single(x => x.Owns(key));
            s.Backend.SetCurrentKey(key);
            s.Value.Update(i);
            model.Values[key] = i;
        }
    }

    [Fact]
    public void A_base_and_its_deltas_should_restore_exactly_the_live_state_after_updates_removals_and_timers()
    {
        var random = new Random(14);
        var live = new Subtask(1, 0).Open();
        var model = new Model();
        var store = new Store();
        Fill([live], model);
        store.Checkpoint(live);
        Assert.Equal((128, 0), (store.Wholes, store.Deltas));

        for (var round = 1; round <= 6; round++)
        {
            Round(random, [live], model, round, changes: 200);
            if (round % 2 == 0)
                Fire([live], model, 100 + 10 * round);
            store.Checkpoint(live);

            AssertHolds(model, [live]);
            AssertHolds(model, [store.Restore(1, 0)]);
        }
        Assert.Equal(128, store.Wholes); // 200 changes a round over 128 key groups of about 16 keys: never half of one
        Assert.True(store.Deltas >= 6 * 64, $"only {store.Deltas} deltas");
    }

    [Fact]
    public void A_delta_should_hold_only_the_changed_keys()
    {
        var live = new Subtask(1, 0).Open();
        Fill([live], new Model());
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(Key(7), 128);
        var whole = live.Backend.SnapshotKeyGroup(keyGroup);
        live.Backend.SetCurrentKey(Key(7));
        live.Value.Update(-7);

        var delta = live.Backend.SnapshotKeyGroupChanges(keyGroup)!;

        Assert.False(live.Backend.IsDirty(keyGroup));
        var restored = new Subtask(1, 0);
        restored.Backend.RestoreKeyGroup(keyGroup, whole);
        restored.Backend.RestoreKeyGroup(keyGroup, delta);
        restored.Open();
        restored.Backend.SetCurrentKey(Key(7));
        Assert.Equal(-7, restored.Value.Value());
        // One key's value and the section header, against the ~16 keys of the whole key group.
        Assert.True(delta.Length * 3 < whole.Length, $"delta {delta.Length} B, whole {whole.Length} B");
    }

    [Fact]
    public void A_key_changed_again_removed_and_added_back_within_one_checkpoint_should_be_written_once_as_its_net_change()
    {
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(Key(7), 128);
        var (a, b, c) = Enumerable.Range(0, Keys).Select(Key).Where(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128) == keyGroup)
            .Take(3).ToArray() switch { var k => (k[0], k[1], k[2]) };
        (Subtask Live, byte[] Whole) Based()
        {
            var live = new Subtask(1, 0).Open();
            Fill([live], new Model());
            return (live, live.Backend.SnapshotKeyGroup(keyGroup));
        }

        var (live, whole) = Based();
        live.Backend.SetCurrentKey(a);
        live.Value.Update(-1);
        live.Value.Update(-2);
        live.Value.Update(-3); // written once, as -3
        live.Backend.SetCurrentKey(b);
        live.Value.Update(-4);
        live.Value.Clear();
        live.Value.Update(-5); // changed, gone and back: one upsert, no tombstone
        live.Backend.SetCurrentKey(c);
        live.Value.Clear();
        live.Value.Update(-6);
        live.Value.Clear(); // gone: one tombstone
        var delta = live.Backend.SnapshotKeyGroupChanges(keyGroup)!;

        var (reference, _) = Based();
        reference.Backend.SetCurrentKey(a);
        reference.Value.Update(-3);
        reference.Backend.SetCurrentKey(b);
        reference.Value.Update(-5);
        reference.Backend.SetCurrentKey(c);
        reference.Value.Clear();
        Assert.Equal(reference.Backend.SnapshotKeyGroupChanges(keyGroup)!.Length, delta.Length);

        var restored = new Subtask(1, 0);
        restored.Backend.RestoreKeyGroup(keyGroup, whole);
        restored.Backend.RestoreKeyGroup(keyGroup, delta);
        restored.Open();
        int? ValueOf(string key)
        {
            restored.Backend.SetCurrentKey(key);
            return restored.Value.TryGetValue(out var value) ? value : null;
        }
        Assert.Equal([-3, -5, null], new[] { ValueOf(a), ValueOf(b), ValueOf(c) });

        // The next checkpoint starts clean: nothing changed since.
        Assert.False(live.Backend.IsDirty(keyGroup));
        live.Backend.SetCurrentKey(a);
        live.Value.Update(-4);
        restored.Backend.RestoreKeyGroup(keyGroup, live.Backend.SnapshotKeyGroupChanges(keyGroup)!);
        Assert.Equal(-4, ValueOf(a));
        Assert.Equal(-5, ValueOf(b));
    }

    [Fact]
    public void A_restored_tombstone_for_a_key_changed_since_the_snapshot_should_take_its_change_along()
    {
        var key = Key(7);
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(key, 128);
        var other = new Subtask(1, 0).Open();
        Fill([other], new Model());
        other.Backend.SnapshotKeyGroup(keyGroup);
        other.Backend.SetCurrentKey(key);
        other.Value.Clear();
        var tombstone = other.Backend.SnapshotKeyGroupChanges(keyGroup)!;
        var live = new Subtask(1, 0).Open();
        Fill([live], new Model());
        live.Backend.SnapshotKeyGroup(keyGroup);
        live.Backend.SetCurrentKey(key);
        live.Value.Update(-7);

        live.Backend.RestoreKeyGroup(keyGroup, tombstone);

        live.Backend.SetCurrentKey(key);
        Assert.False(live.Value.TryGetValue(out _));
        var next = live.Backend.SnapshotKeyGroupChanges(keyGroup) ?? live.Backend.SnapshotKeyGroup(keyGroup);
        Assert.NotEmpty(next);
    }

    [Fact]
    public void Clearing_or_adding_nothing_to_a_key_without_a_value_should_leave_its_key_group_clean()
    {
        var live = new Subtask(1, 0).Open();
        Fill([live], new Model());
        var absent = Enumerable.Range(Keys, 1_000).Select(Key).First(k => !HoldsAnything(live, k));
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(absent, 128);
        live.Backend.SnapshotKeyGroup(keyGroup);

        live.Backend.SetCurrentKey(absent);
        live.Value.Clear();
        live.List.Clear();
        live.List.AddAll([]);
        live.List.Update([]);
        live.Map.Clear();
        live.Map.Remove(1);

        Assert.False(live.Backend.IsDirty(keyGroup));
        Assert.Empty(live.List.Get());
        live.List.Add(3);
        Assert.True(live.Backend.IsDirty(keyGroup));
    }

    private static bool HoldsAnything(Subtask subtask, string key)
    {
        subtask.Backend.SetCurrentKey(key);
        return subtask.Value.TryGetValue(out _) || subtask.List.Get().Count > 0 || !subtask.Map.IsEmpty();
    }

    [Fact]
    public void A_delta_should_write_the_timers_registered_since_the_snapshot_and_tombstones_only_for_those_it_held()
    {
        var key = Key(7);
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(key, 128);
        (Subtask Live, byte[] Whole) Based()
        {
            var live = new Subtask(1, 0).Open();
            Fill([live], new Model()); // about 16 keys: a few timer changes stay below half the key group
            live.Backend.SetCurrentKey(key);
            live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 700);
            live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 900);
            return (live, live.Backend.SnapshotKeyGroup(keyGroup));
        }

        var (live, whole) = Based();
        live.Backend.SetCurrentKey(key);
        live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 500); // registered and fired before the delta
        live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 800); // registered and deleted before the delta
        live.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, 800);
        live.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, 700); // held by the base, registered again
        live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 700);
        live.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, 900); // held by the base: a tombstone
        live.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 600);
        live.Timers.AdvanceWatermark(550);
        var delta = live.Backend.SnapshotKeyGroupChanges(keyGroup)!;

        // The same base with only the changes that reach the delta: 500 and 800 never were in a snapshot, so they cost nothing.
        var (reference, _) = Based();
        reference.Backend.SetCurrentKey(key);
        reference.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, 700);
        reference.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 700);
        reference.Timers.DeleteEventTimeTimer(VoidNamespace.Instance, 900);
        reference.Timers.RegisterEventTimeTimer(VoidNamespace.Instance, 600);
        Assert.Equal(reference.Backend.SnapshotKeyGroupChanges(keyGroup)!.Length, delta.Length);

        var restored = new Subtask(1, 0);
        restored.Backend.RestoreKeyGroup(keyGroup, whole);
        restored.Backend.RestoreKeyGroup(keyGroup, delta);
        restored.Open();
        Assert.Equal([(600L, key), (700L, key)], restored.Timers.EventTimers.Select(t => (t.Timestamp, t.Key)).Order());

        // Written now: a timer of the delta that fires leaves a tombstone in the next one.
        live.Timers.AdvanceWatermark(650);
        restored.Backend.RestoreKeyGroup(keyGroup, live.Backend.SnapshotKeyGroupChanges(keyGroup)!);
        Assert.Equal([(700L, key)], restored.Timers.EventTimers.Select(t => (t.Timestamp, t.Key)));
    }

    [Fact]
    public void A_key_group_should_be_written_whole_when_half_its_keys_changed_or_it_was_never_written_whole()
    {
        var live = new Subtask(1, 0).Open();
        Fill([live], new Model());
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(Key(0), 128);
        Assert.Null(live.Backend.SnapshotKeyGroupChanges(keyGroup)); // never written whole
        live.Backend.SnapshotKeyGroup(keyGroup);

        var keys = Enumerable.Range(0, Keys).Select(Key).Where(k => KeyGroupRangeAssignment.AssignToKeyGroup(k, 128) == keyGroup).ToList();
        foreach (var key in keys.Take((keys.Count + 1) / 2))
        {
            live.Backend.SetCurrentKey(key);
            live.Value.Update(0);
        }

        Assert.Null(live.Backend.SnapshotKeyGroupChanges(keyGroup));
        Assert.True(live.Backend.IsDirty(keyGroup));
        live.Backend.SnapshotKeyGroup(keyGroup);
        live.Backend.SetCurrentKey(keys[0]);
        live.Value.Update(1);
        Assert.NotNull(live.Backend.SnapshotKeyGroupChanges(keyGroup));

        live.Backend.MarkForWholeSnapshot(keyGroup); // the previous write may be lost
        Assert.True(live.Backend.IsDirty(keyGroup));
        Assert.Null(live.Backend.SnapshotKeyGroupChanges(keyGroup));
    }

    [Fact]
    public void A_delta_chain_should_restore_when_rescaling_2_to_3_to_1()
    {
        var random = new Random(3);
        var model = new Model();
        var store = new Store();
        List<Subtask> two = [new Subtask(2, 0).Open(), new Subtask(2, 1).Open()];
        Fill(two, model);
        two.ForEach(store.Checkpoint);
        for (var round = 1; round <= 3; round++)
        {
            Round(random, two, model, round, changes: 150);
            two.ForEach(store.Checkpoint);
        }
        var deltasAtTwo = store.Deltas;

        List<Subtask> three = [store.Restore(3, 0), store.Restore(3, 1), store.Restore(3, 2)];
        AssertHolds(model, three);
        three.ForEach(store.Checkpoint); // whole after the restore
        for (var round = 4; round <= 6; round++)
        {
            Round(random, three, model, round, changes: 150);
            Fire(three, model, 90 + 10 * round);
            three.ForEach(store.Checkpoint);
        }

        AssertHolds(model, [store.Restore(1, 0)]);
        Assert.True(deltasAtTwo > 0 && store.Deltas > deltasAtTwo, $"deltas: {deltasAtTwo} at parallelism 2, {store.Deltas} in all");
    }

    [Fact]
    public void Expired_values_should_leave_tombstones_in_the_next_delta()
    {
        var clock = new ManualProcessingTimeService(1_000);
        var backend = new HeapKeyedStateBackend<string>(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128), processingTime: clock);
        var ttl = StateTtlConfig.NewBuilder(TimeSpan.FromMilliseconds(100)).Build();
        var state = backend.GetState(new ValueStateDescriptor<int>("v", -1) { TtlConfig = ttl });
        void Write(Func<int, bool> which)
        {
            for (var i = 0; i < Keys; i++)
            {
                if (!which(i))
                    continue;
                backend.SetCurrentKey(Key(i));
                state.Update(i);
            }
        }
        Write(i => i % 5 == 0);
        clock.AdvanceTo(1_060);
        Write(i => i % 5 != 0);
        var chains = backend.KeyGroups.KeyGroups.ToDictionary(kg => kg, kg => new List<byte[]> { backend.SnapshotKeyGroup(kg) });
        clock.AdvanceTo(1_120); // every fifth key, written at 1000, expired
        for (var i = 0; i < 500; i += 5)
        {
            backend.SetCurrentKey(Key(i));
            Assert.Equal(-1, state.Value()); // the read removes it (and the incremental cleanup a few more)
        }
        // A snapshot purges the whole key group it writes: each expired key of those leaves a tombstone. Key groups not
        // written keep their expired values in the store, as before deltas (a restore drops them on its own clock).
        var written = backend.KeyGroups.KeyGroups.Where(backend.IsDirty).ToHashSet();
        var deltas = 0;
        foreach (var keyGroup in backend.KeyGroups.KeyGroups)
        {
            if (!backend.IsDirty(keyGroup))
                continue;
            if (backend.SnapshotKeyGroupChanges(keyGroup) is { } delta)
            {
                chains[keyGroup].Add(delta);
                deltas++;
            }
            else
            {
                chains[keyGroup] = [backend.SnapshotKeyGroup(keyGroup)];
            }
        }

        // Restored on a clock before the expiry: only a tombstone can keep an expired key away.
        var restored = new HeapKeyedStateBackend<string>(new KeyGroupRangeInfo(new KeyGroupRange(0, 127), 128),
            processingTime: new ManualProcessingTimeService(1_000));
        foreach (var (keyGroup, chain) in chains)
            chain.ForEach(blob => restored.RestoreKeyGroup(keyGroup, blob));
        var values = restored.GetState(new ValueStateDescriptor<int>("v", -1) { TtlConfig = ttl });
        for (var i = 0; i < Keys; i++)
        {
            restored.SetCurrentKey(Key(i));
            var gone = i % 5 == 0 && written.Contains(KeyGroupRangeAssignment.AssignToKeyGroup(Key(i), 128));
            Assert.Equal(gone ? -1 : i, values.Value());
        }
        Assert.True(2 * deltas > written.Count, $"{deltas} deltas for {written.Count} key groups written"); // the rest lost half their keys: whole
        Assert.Contains(Enumerable.Range(500, Keys - 500), i => i % 5 == 0 && written.Contains(KeyGroupRangeAssignment.AssignToKeyGroup(Key(i), 128)));
    }

    [Fact]
    public void A_chain_restored_before_its_state_is_registered_should_be_handed_over_and_written_back_in_order()
    {
        var random = new Random(5);
        var model = new Model();
        var store = new Store();
        var live = new Subtask(1, 0).Open();
        Fill([live], model);
        store.Checkpoint(live);
        for (var round = 1; round <= 3; round++)
        {
            Round(random, [live], model, round, changes: 100);
            store.Checkpoint(live);
        }

        // Restored, but the operator registers nothing before the first checkpoint: every section stays pending.
        var pending = new Subtask(1, 0);
        foreach (var (keyGroup, chain) in store.Chains)
            chain.ForEach(blob => pending.Backend.RestoreKeyGroup(keyGroup, blob));
        var rewritten = pending.Backend.KeyGroups.KeyGroups.ToDictionary(kg => kg, pending.Backend.SnapshotKeyGroup);

        var again = new Subtask(1, 0);
        foreach (var (keyGroup, blob) in rewritten)
            again.Backend.RestoreKeyGroup(keyGroup, blob);
        AssertHolds(model, [again.Open()]);
        AssertHolds(model, [pending.Open()]);
    }

    [Fact]
    public void A_version_1_blob_should_still_restore()
    {
        // Version 1: version, key type, state sections (name, kind, type, length, payload) and timer sections, no modes.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write((byte)1);
            writer.WriteNullableString(TypeIdentity.Of<string>());
            writer.WriteCount(1);
            writer.WriteNullableString("value");
            writer.Write((byte)1); // value state
            writer.WriteNullableString(TypeIdentity.Of<int>());
            using var payload = new MemoryStream();
            using (var p = new BinaryWriter(payload))
            {
                p.WriteCount(1);
                TypeSerializers.Get<string>().Serialize(Key(3), p);
                TypeSerializers.Get<int>().Serialize(33, p);
            }
            var bytes = payload.ToArray();
            writer.Write(bytes.Length);
            writer.Write(bytes);
            writer.WriteCount(0);
        }
        var keyGroup = KeyGroupRangeAssignment.AssignToKeyGroup(Key(3), 128);

        var restored = new Subtask(1, 0);
        restored.Backend.RestoreKeyGroup(keyGroup, stream.ToArray());
        restored.Open();

        restored.Backend.SetCurrentKey(Key(3));
        Assert.Equal(33, restored.Value.Value());
    }
}

using ActorStream.Graph.Keys;
using ActorStream.Graph.State;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.State;

/// <summary>Processing-time TTL on every keyed state kind, with an injected clock: expiry, visibility, update type, cleanup, restore, rescale.</summary>
public sealed class StateTtlTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMilliseconds(100);
    private readonly ManualProcessingTimeService _clock = new(1_000);

    private HeapKeyedStateBackend<string> NewBackend(int parallelism = 1, int subtask = 0) =>
        new(new KeyGroupRangeInfo(KeyGroupRangeAssignment.ComputeKeyGroupRangeForOperatorIndex(128, parallelism, subtask), 128),
            processingTime: _clock);

    private static StateTtlConfig Config(Func<StateTtlConfig.Builder, StateTtlConfig.Builder>? configure = null) =>
        (configure ?? (b => b))(StateTtlConfig.NewBuilder(Ttl)).Build();

    private sealed class Sum : IAggregateFunction<int, long, string>
    {
        public long CreateAccumulator() => 0;

        public long Add(int value, long accumulator) => accumulator + value;

        public string GetResult(long accumulator) => $"sum={accumulator}";

        public long Merge(long a, long b) => a + b;
    }

    [Fact]
    public void Value_state_should_expire_ttl_after_its_last_write()
    {
        var backend = NewBackend();
        var state = backend.GetState(new ValueStateDescriptor<int>("v", -1) { TtlConfig = Config() });
        backend.SetCurrentKey("a");
        state.Update(5);

        _clock.AdvanceTo(1_099);
        Assert.Equal(5, state.Value());
        state.Update(6); // written at 1099: lives until 1199
        _clock.AdvanceTo(1_198);
        Assert.Equal(6, state.Value());
        _clock.AdvanceTo(1_199);
        Assert.Equal(-1, state.Value());
        Assert.False(state.TryGetValue(out _));
    }

    [Fact]
    public void A_read_should_restart_the_ttl_only_with_update_on_read_and_write()
    {
        var backend = NewBackend();
        var onWrite = backend.GetState(new ValueStateDescriptor<string>("on-write") { TtlConfig = Config() });
        var onRead = backend.GetState(new ValueStateDescriptor<string>("on-read") { TtlConfig = Config(b => b.UpdateTtlOnReadAndWrite()) });
        backend.SetCurrentKey("a");
        onWrite.Update("w");
        onRead.Update("r");

        _clock.AdvanceTo(1_060);
        Assert.Equal("w", onWrite.Value());
        Assert.Equal("r", onRead.Value()); // restarts: lives until 1160
        _clock.AdvanceTo(1_120);

        Assert.Null(onWrite.Value());
        Assert.Equal("r", onRead.Value());
    }

    [Fact]
    public void Return_expired_if_not_cleaned_up_should_return_an_expired_value_once()
    {
        var backend = NewBackend();
        var state = backend.GetState(new ValueStateDescriptor<string>("v") { TtlConfig = Config(b => b.ReturnExpiredIfNotCleanedUp().DisableCleanupInBackground()) });
        backend.SetCurrentKey("a");
        state.Update("stale");
        _clock.AdvanceTo(5_000);

        Assert.True(state.TryGetValue(out var first));
        Assert.Equal("stale", first);
        Assert.False(state.TryGetValue(out _));
    }

    [Fact]
    public void List_state_elements_should_expire_one_by_one()
    {
        var backend = NewBackend();
        var state = backend.GetListState(new ListStateDescriptor<string>("l") { TtlConfig = Config() });
        backend.SetCurrentKey("a");
        state.Add("first");
        _clock.AdvanceTo(1_050);
        state.AddAll(["second", "third"]);

        _clock.AdvanceTo(1_120);
        Assert.Equal(["second", "third"], state.Get());
        _clock.AdvanceTo(1_150);
        Assert.Empty(state.Get());
        Assert.Equal(0, backend.Tables.Single().Count);
    }

    [Fact]
    public void Map_state_entries_should_expire_one_by_one()
    {
        var backend = NewBackend();
        var state = backend.GetMapState(new MapStateDescriptor<string, int>("m") { TtlConfig = Config() });
        backend.SetCurrentKey("a");
        state.Put("old", 1);
        _clock.AdvanceTo(1_050);
        state.Put("new", 2);
        _clock.AdvanceTo(1_100);

        Assert.False(state.TryGet("old", out _));
        Assert.False(state.Contains("old"));
        Assert.True(state.TryGet("new", out var fresh));
        Assert.Equal(2, fresh);
        Assert.Equal([new KeyValuePair<string, int>("new", 2)], state.Entries());
        Assert.False(state.IsEmpty());
        _clock.AdvanceTo(1_150);
        Assert.True(state.IsEmpty());
        Assert.Empty(state.Entries());
    }

    [Fact]
    public void Reducing_state_should_start_again_from_the_added_value_after_expiry()
    {
        var backend = NewBackend();
        var state = backend.GetReducingState(new ReducingStateDescriptor<int>("r", (a, b) => a + b) { TtlConfig = Config() });
        backend.SetCurrentKey("a");
        state.Add(3);
        state.Add(4);
        Assert.Equal(7, state.Get());

        _clock.AdvanceTo(1_100);
        Assert.False(state.Contains());
        state.Add(10);

        Assert.True(state.TryGet(out var sum));
        Assert.Equal(10, sum);
    }

    [Fact]
    public void Aggregating_state_should_start_a_new_accumulator_after_expiry()
    {
        var backend = NewBackend();
        var state = backend.GetAggregatingState(new AggregatingStateDescriptor<int, long, string>("agg", new Sum()) { TtlConfig = Config() });
        backend.SetCurrentKey("a");
        state.Add(3);
        _clock.AdvanceTo(1_099);
        state.Add(4); // the write restarts the ttl
        _clock.AdvanceTo(1_198);
        Assert.Equal("sum=7", state.Get());

        _clock.AdvanceTo(1_199);
        Assert.False(state.TryGet(out _));
        state.Add(1);
        Assert.Equal("sum=1", state.Get());
    }

    [Fact]
    public void Incremental_cleanup_should_remove_expired_keys_that_are_never_read_again()
    {
        var backend = NewBackend();
        var descriptor = new ValueStateDescriptor<int>("v") { TtlConfig = Config(b => b.CleanupIncrementally(10)) };
        var state = backend.GetState(descriptor);
        foreach (var i in Enumerable.Range(0, 50))
        {
            backend.SetCurrentKey($"old-{i}");
            state.Update(i);
        }
        _clock.AdvanceTo(1_200);

        backend.SetCurrentKey("fresh");
        for (var access = 0; access < 100; access++)
            state.Update(access);

        Assert.Equal(["fresh"], backend.GetKeys("v"));
    }

    [Fact]
    public void Snapshots_should_leave_expired_values_out_and_restores_should_drop_values_expired_meanwhile()
    {
        var backend = NewBackend();
        var descriptor = new ValueStateDescriptor<string>("v") { TtlConfig = Config(b => b.CleanupIncrementally(0)) };
        var state = backend.GetState(descriptor);
        backend.SetCurrentKey("early");
        state.Update("e");
        _clock.AdvanceTo(1_080);
        backend.SetCurrentKey("late");
        state.Update("l");
        _clock.AdvanceTo(1_100);

        var restored = NewBackend().RestoreFrom(SnapshotAll(backend));
        var restoredState = restored.GetState(descriptor);
        Assert.Equal(["late"], restored.GetKeys("v"));

        _clock.AdvanceTo(1_180); // "late" expired while nothing ran: a restore now drops it
        var again = NewBackend().RestoreFrom(SnapshotAll(backend, onlyDirty: false));
        again.GetState(descriptor);
        Assert.Empty(again.GetKeys("v"));
        restored.SetCurrentKey("late");
        Assert.Null(restoredState.Value());
    }

    [Fact]
    public void Ttl_should_survive_a_rescale_from_two_subtasks_to_three_and_back_to_one()
    {
        var keys = Enumerable.Range(0, 60).Select(i => $"k{i}").ToArray();
        var descriptor = new ListStateDescriptor<int>("l") { TtlConfig = Config(b => b.CleanupIncrementally(0)) };
        var two = Enumerable.Range(0, 2).Select(i => NewBackend(2, i)).ToArray();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            var backend = two[KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, 2)];
            backend.SetCurrentKey(key);
            backend.GetListState(descriptor).Add(i);
        }
        _clock.AdvanceTo(1_050);
        foreach (var key in keys.Where((_, i) => i % 2 == 0))
        {
            var backend = two[KeyGroupRangeAssignment.AssignKeyToParallelOperator(key, 128, 2)];
            backend.SetCurrentKey(key);
            backend.GetListState(descriptor).Add(-1);
        }
        var blobs = two.SelectMany(b => SnapshotAll(b)).ToDictionary();

        var three = Enumerable.Range(0, 3).Select(i => NewBackend(3, i).RestoreFrom(blobs)).ToArray();
        var blobsOfThree = three.SelectMany(b => { b.GetListState(descriptor); return SnapshotAll(b); }).ToDictionary();
        _clock.AdvanceTo(1_120); // the first elements (written at 1000) expired; the -1s (1050) live until 1150
        var one = NewBackend().RestoreFrom(blobsOfThree);
        var state = one.GetListState(descriptor);

        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            one.SetCurrentKey(key);
            Assert.Equal(i % 2 == 0 ? [-1] : [], state.Get());
        }
    }

    [Fact]
    public void Enabling_ttl_on_a_restored_state_should_fail_with_a_message_that_says_why()
    {
        var plain = NewBackend();
        var state = plain.GetState(new ValueStateDescriptor<int>("count"));
        plain.SetCurrentKey("a");
        state.Update(1);

        var restored = NewBackend().RestoreFrom(SnapshotAll(plain));
        var error = Assert.Throws<InvalidOperationException>(() =>
            restored.GetState(new ValueStateDescriptor<int>("count") { TtlConfig = Config() }));

        Assert.EndsWith("register the new state under a new name (enabling or disabling a state's time-to-live changes what it stores).", error.Message);
    }
}

using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.State;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.State;

/// <summary>What a restore does with states the operator does not (yet) register, and with states whose kind or type changed.</summary>
public sealed class RestoreCompatibilityTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 100).Select(i => $"k{i}")];

    private sealed class NoTarget : ITriggerable<string, VoidNamespace>
    {
        public void OnEventTime(InternalTimer<string, VoidNamespace> timer) { }

        public void OnProcessingTime(InternalTimer<string, VoidNamespace> timer) { }
    }

    private static Dictionary<int, byte[]> CountsOf(IEnumerable<string> keys, string stateName = "count")
    {
        var backend = Backend<string>();
        var state = backend.GetState(new ValueStateDescriptor<int>(stateName));
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            backend.SetCurrentKey(key);
            state.Update(i);
        }
        return SnapshotAll(backend);
    }

    [Fact]
    public void A_restored_state_that_is_not_registered_should_survive_later_snapshots_unchanged()
    {
        var first = Backend<string>();
        var legacy = first.GetListState(new ListStateDescriptor<string>("legacy"));
        var current = first.GetState(new ValueStateDescriptor<int>("current"));
        foreach (var key in Keys)
        {
            first.SetCurrentKey(key);
            legacy.Add(key.ToUpperInvariant());
            current.Update(1);
        }

        // A version of the operator that no longer registers "legacy" runs, writes, and checkpoints.
        var second = Backend<string>().RestoreFrom(SnapshotAll(first));
        var secondCurrent = second.GetState(new ValueStateDescriptor<int>("current"));
        foreach (var key in Keys.Take(50))
        {
            second.SetCurrentKey(key);
            secondCurrent.Update(2);
        }
        var third = Backend<string>().RestoreFrom(SnapshotAll(second));

        var restoredLegacy = third.GetListState(new ListStateDescriptor<string>("legacy"));
        var thirdCurrent = third.GetState(new ValueStateDescriptor<int>("current"));
        foreach (var (key, i) in Keys.Select((k, i) => (k, i)))
        {
            third.SetCurrentKey(key);
            Assert.Equal([key.ToUpperInvariant()], restoredLegacy.Get());
            Assert.Equal(i < 50 ? 2 : 1, thirdCurrent.Value());
        }
    }

    [Fact]
    public void Restored_timers_of_a_service_that_is_not_registered_should_survive_later_snapshots()
    {
        var first = Backend<string>();
        var timers = new InternalTimerService<string, VoidNamespace>("old", first, new ManualProcessingTimeService(), new NoTarget());
        first.SetCurrentKey("a");
        timers.RegisterEventTimeTimer(VoidNamespace.Instance, 42);
        timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, 7);

        var second = Backend<string>().RestoreFrom(SnapshotAll(first));
        var third = Backend<string>().RestoreFrom(SnapshotAll(second));
        var restored = new InternalTimerService<string, VoidNamespace>("old", third, new ManualProcessingTimeService(), new NoTarget());

        Assert.Equal([new InternalTimer<string, VoidNamespace>(42, "a", VoidNamespace.Instance)], restored.EventTimers);
        Assert.Equal([new InternalTimer<string, VoidNamespace>(7, "a", VoidNamespace.Instance)], restored.ProcessingTimers);
    }

    [Fact]
    public void A_state_registered_with_another_kind_should_fail_naming_the_state_and_stay_restorable()
    {
        var backend = Backend<string>().RestoreFrom(CountsOf(Keys));

        var error = Assert.Throws<InvalidOperationException>(() => backend.GetListState(new ListStateDescriptor<int>("count")));

        Assert.Equal(
            "Cannot restore state 'count': the checkpoint holds it as a ValueState of System.Int32, but the operator registers it as " +
            "a ListState of System.Collections.Generic.List<System.Int32>. A state's kind and type cannot change across a restore; " +
            "register the new state under a new name.", error.Message);
        var count = backend.GetState(new ValueStateDescriptor<int>("count"));
        backend.SetCurrentKey(Keys[5]);
        Assert.Equal(5, count.Value());
    }

    [Fact]
    public void A_state_registered_with_another_value_type_should_fail_naming_the_state()
    {
        var backend = Backend<string>().RestoreFrom(CountsOf(Keys));

        var error = Assert.Throws<InvalidOperationException>(() => backend.GetState(new ValueStateDescriptor<long>("count")));

        Assert.StartsWith("Cannot restore state 'count': the checkpoint holds it as a ValueState of System.Int32, but the operator registers it as a ValueState of System.Int64.", error.Message);
    }

    [Fact]
    public void A_state_registered_before_the_restore_should_take_the_restored_values_directly()
    {
        var backend = Backend<string>();
        var count = backend.GetState(new ValueStateDescriptor<int>("count"));

        backend.RestoreFrom(CountsOf(Keys));

        backend.SetCurrentKey(Keys[7]);
        Assert.Equal(7, count.Value());
    }

    [Fact]
    public void Another_key_type_should_fail_the_restore_clearly()
    {
        var blobs = CountsOf(Keys);
        var backend = Backend<int>();

        var error = Assert.Throws<InvalidOperationException>(() => backend.RestoreFrom(blobs));

        Assert.EndsWith("its state was written with key type System.String, but the operator's key type is System.Int32.", error.Message);
    }

    [Fact]
    public void A_blob_restored_into_the_wrong_key_group_should_fail_naming_the_state_and_key()
    {
        var blobs = CountsOf(["only"]);
        var keyGroup = KeyGroupOf("only");
        var other = (keyGroup + 1) % 128;
        var backend = Backend<string>();
        backend.RestoreKeyGroup(other, blobs[keyGroup]);

        var error = Assert.Throws<InvalidOperationException>(() => backend.GetState(new ValueStateDescriptor<int>("count")));

        Assert.Equal(
            $"Cannot restore state 'count' of key group {other}: Restored key 'only' was stored in key group {other} but hashes to key group {keyGroup}: " +
            "the hash of System.String is not stable across processes (implement IStableHashable) or the max parallelism changed.", error.Message);
    }

    [Fact]
    public void A_blob_of_an_unknown_format_version_should_be_refused()
    {
        var blob = CountsOf(Keys)[0];
        blob[0] = 99;

        var error = Assert.Throws<InvalidDataException>(() => Backend<string>().RestoreKeyGroup(0, blob));

        Assert.Equal("Unsupported keyed-state format version 99 (this build reads versions 1 and 2).", error.Message);
    }
}

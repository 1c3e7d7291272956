using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorStream.Actors.Tests.Checkpointing;

public sealed class StateSerializerSpecs : TestKit
{
    private readonly StateSerializer _serializer;

    public StateSerializerSpecs() : base(StateSerializer.Bindings) => _serializer = new StateSerializer((ExtendedActorSystem)Sys);

    private T RoundTrip<T>(T value) where T : notnull =>
        (T)_serializer.FromBinary(_serializer.ToBinary(value), _serializer.Manifest(value));

    private static CompletedCheckpoint Checkpoint(long id) => new(id, "job", CheckpointKind.Savepoint, 1234,
        new Dictionary<string, OperatorCheckpointState>
        {
            ["source"] = new(2, 128, false, [[1, 2], [3]]),
            ["window"] = new(3, 128, true, []),
        });

    [Fact]
    public void Key_group_events_and_snapshots_should_round_trip()
    {
        var stored = RoundTrip(new KeyGroupStateStored(7, [9, 8, 7], true, 6));
        Assert.Equal((7L, true, 6L), (stored.CheckpointId, stored.Retained, stored.LatestCompleted));
        Assert.Equal([9, 8, 7], stored.Data);

        var snapshot = RoundTrip(new KeyGroupHistorySnapshot([new KeyGroupEntry(3, [1], false), new KeyGroupEntry(4, [], true)]));
        Assert.Equal([(3L, false), (4L, true)], snapshot.Entries.Select(e => (e.CheckpointId, e.Retained)));
    }

    [Fact]
    public void Key_group_deltas_should_round_trip_with_the_checkpoint_they_are_based_on()
    {
        var stored = RoundTrip(new KeyGroupStateStored(8, [1], false, 6, BasedOn: 7));
        Assert.Equal((8L, 7L), (stored.CheckpointId, stored.BasedOn));

        var snapshot = RoundTrip(new KeyGroupHistorySnapshot([new KeyGroupEntry(3, [1], false), new KeyGroupEntry(4, [2], false, BasedOn: 3)]));
        Assert.Equal([(3L, 0L), (4L, 3L)], snapshot.Entries.Select(e => (e.CheckpointId, e.BasedOn)));
    }

    [Fact]
    public void Key_group_events_and_snapshots_written_before_deltas_should_read_as_whole_entries()
    {
        // The formats of manifests KGS and KGH: version 2, then the fields without the base.
        var stored = (KeyGroupStateStored)_serializer.FromBinary([2, 14, 2, 9, 8, 1, 12], "KGS");
        Assert.Equal((7L, true, 6L, 0L), (stored.CheckpointId, stored.Retained, stored.LatestCompleted, stored.BasedOn));
        Assert.Equal([9, 8], stored.Data);

        var snapshot = (KeyGroupHistorySnapshot)_serializer.FromBinary([2, 1, 6, 1, 5, 0], "KGH");
        Assert.Equal([(3L, false, 0L)], snapshot.Entries.Select(e => (e.CheckpointId, e.Retained, e.BasedOn)));
        Assert.Equal([5], snapshot.Entries[0].Data);
    }

    [Fact]
    public void Completed_checkpoints_should_round_trip_with_every_operator_state()
    {
        var checkpoint = RoundTrip(new CheckpointCompleted(Checkpoint(12))).Checkpoint;

        Assert.Equal(("job/12", CheckpointKind.Savepoint, 1234L), (checkpoint.Pointer, checkpoint.Kind, checkpoint.CompletedAt));
        Assert.Equal([new byte[] { 1, 2 }, [3]], checkpoint.Operators["source"].SubtaskStates);
        Assert.Equal((3, 128, true), (checkpoint.Operators["window"].Parallelism, checkpoint.Operators["window"].MaxParallelism, checkpoint.Operators["window"].Keyed));

        var snapshot = RoundTrip(new CheckpointStoreSnapshot([Checkpoint(3), Checkpoint(5)], 9));
        Assert.Equal((9L, 2), (snapshot.MaxId, snapshot.Retained.Count));
    }

    [Fact]
    public void Persisted_state_types_should_be_bound_to_the_state_serializer()
    {
        var serialization = ((ExtendedActorSystem)Sys).Serialization;
        Assert.IsType<StateSerializer>(serialization.FindSerializerFor(new KeyGroupStateStored(1, [], false, 0)));
    }
}

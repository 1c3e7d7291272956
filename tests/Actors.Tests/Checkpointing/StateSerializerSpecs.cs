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

using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Graph.Serialization;
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
    public void Key_group_events_should_be_written_in_the_KGD_format_at_their_exact_size()
    {
        // Version 2, zig-zag varint checkpoint 200 (400 = 0x90 0x03), length 3 and the bytes, retained, latest completed
        // -1 (1), based on 70 (140 = 0x8C 0x01).
        Assert.Equal([2, 0x90, 0x03, 3, 9, 8, 7, 1, 1, 0x8C, 0x01], _serializer.ToBinary(new KeyGroupStateStored(200, [9, 8, 7], true, -1, BasedOn: 70)));
        // A snapshot: version 2, count 2, then per entry checkpoint, length and bytes, retained, based on.
        Assert.Equal([2, 2, 6, 1, 5, 0, 0, 8, 0, 1, 6],
            _serializer.ToBinary(new KeyGroupHistorySnapshot([new KeyGroupEntry(3, [5], false), new KeyGroupEntry(4, [], true, BasedOn: 3)])));

        // Lengths and ids across varint boundaries: every byte written, none left over.
        foreach (var length in new[] { 0, 127, 128, 16_383, 16_384, 300_000 })
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
            foreach (var id in new[] { 1L, 63L, 64L, long.MaxValue })
            {
                var stored = new KeyGroupStateStored(id, data, false, id - 1, BasedOn: id / 2);
                var bytes = _serializer.ToBinary(stored);
                Assert.Equal(Reference(stored), bytes);
                var back = (KeyGroupStateStored)_serializer.FromBinary(bytes, _serializer.Manifest(stored));
                Assert.Equal((id, id - 1, id / 2), (back.CheckpointId, back.LatestCompleted, back.BasedOn));
                Assert.Equal(data, back.Data);
                var snapshot = new KeyGroupHistorySnapshot([new KeyGroupEntry(id, data, true, id / 2), new KeyGroupEntry(id, [], false)]);
                var entries = ((KeyGroupHistorySnapshot)_serializer.FromBinary(_serializer.ToBinary(snapshot), _serializer.Manifest(snapshot))).Entries;
                Assert.Equal([(id, length, true, id / 2), (id, 0, false, 0L)], entries.Select(e => (e.CheckpointId, e.Data.Length, e.Retained, e.BasedOn)));
            }
        }
    }

    /// <summary>The KGD format written field by field through a growing stream.</summary>
    private static byte[] Reference(KeyGroupStateStored stored)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write((byte)2);
            writer.WriteVarLong(stored.CheckpointId);
            writer.WriteCount(stored.Data.Length);
            writer.Write(stored.Data);
            writer.Write(stored.Retained);
            writer.WriteVarLong(stored.LatestCompleted);
            writer.WriteVarLong(stored.BasedOn);
        }
        return stream.ToArray();
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

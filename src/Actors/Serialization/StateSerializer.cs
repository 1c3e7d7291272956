using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.State;
using ActorStream.Graph.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// The compact binary format of everything ActorStream persists: key-group state events and
/// snapshots, completed checkpoints. Manifests are short and stable; every payload starts with a
/// format version so that later versions can still read what earlier ones wrote.
/// </summary>
public sealed class StateSerializer : SerializerWithStringManifest
{
    private readonly ExtendedActorSystem _system;

    /// <summary>Creates the serializer of <paramref name="system"/> (Akka does, from the bindings).</summary>
    public StateSerializer(ExtendedActorSystem system) : base(system) => _system = system;

    /// <summary>The HOCON that registers this serializer for every persisted type.</summary>
    public static Akka.Configuration.Config Bindings { get; } = Akka.Configuration.ConfigurationFactory.ParseString("""
        akka.actor {
          serializers.actorstream-state = "ActorStream.Actors.Serialization.StateSerializer, ActorStream.Actors"
          serialization-bindings {
            "ActorStream.Actors.State.KeyGroupStateStored, ActorStream.Actors" = actorstream-state
            "ActorStream.Actors.State.KeyGroupHistorySnapshot, ActorStream.Actors" = actorstream-state
            "ActorStream.Actors.Checkpointing.CheckpointCompleted, ActorStream.Actors" = actorstream-state
            "ActorStream.Actors.Checkpointing.CheckpointStoreSnapshot, ActorStream.Actors" = actorstream-state
            "ActorStream.Actors.Checkpointing.CheckpointsDiscarded, ActorStream.Actors" = actorstream-state
            "ActorStream.Actors.JobMaster.IJobRecordEvent, ActorStream.Actors" = actorstream-state
          }
        }
        """);

    /// <summary>The serializer id registered in HOCON.</summary>
    public const int Id = 4201;

    private const byte Version = 2; // 2: varints and the runtime wire format for checkpoint metadata
    // KGS and KGH are the formats before deltas (every entry whole): still read, no longer written.
    private const string KeyGroupStoredWholeManifest = "KGS";
    private const string KeyGroupSnapshotWholeManifest = "KGH";
    private const string KeyGroupStoredManifest = "KGD";
    private const string KeyGroupSnapshotManifest = "KGHD";
    private const string CheckpointCompletedManifest = "CPC";
    private const string CheckpointSnapshotManifest = "CPS";
    private const string CheckpointsDiscardedManifest = "CPD";
    private const string JobSubmittedManifest = "JRS";
    private const string JobAttemptManifest = "JRA";
    private const string JobCheckpointsBeginManifest = "JRC";
    private const string JobEndedManifest = "JRE";

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        KeyGroupStateStored => KeyGroupStoredManifest,
        KeyGroupHistorySnapshot => KeyGroupSnapshotManifest,
        CheckpointCompleted => CheckpointCompletedManifest,
        CheckpointStoreSnapshot => CheckpointSnapshotManifest,
        CheckpointsDiscarded => CheckpointsDiscardedManifest,
        JobRecordSubmitted => JobSubmittedManifest,
        JobRecordAttempt => JobAttemptManifest,
        JobRecordCheckpointsBegin => JobCheckpointsBeginManifest,
        JobRecordEnded => JobEndedManifest,
        _ => throw new ArgumentException($"{nameof(StateSerializer)} cannot serialize {o.GetType()}."),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        // Key-group events and snapshots carry blobs of up to megabytes: written into an array of their exact size, with no
        // growing stream that copies them once per doubling and once more at the end.
        var exact = obj switch
        {
            KeyGroupStateStored stored => SizeOf(stored),
            KeyGroupHistorySnapshot snapshot => SizeOf(snapshot),
            _ => -1,
        };
        using var stream = exact < 0 ? new MemoryStream() : new MemoryStream(new byte[exact], 0, exact, writable: true, publiclyVisible: true);
        using (var writer = new WireWriter(stream))
        {
            writer.Write(Version);
            switch (obj)
            {
                case KeyGroupStateStored stored:
                    writer.WriteVarLong(stored.CheckpointId);
                    writer.WriteBytes(stored.Data);
                    writer.Write(stored.Retained);
                    writer.WriteVarLong(stored.LatestCompleted);
                    writer.WriteVarLong(stored.BasedOn);
                    break;
                case KeyGroupHistorySnapshot snapshot:
                    writer.WriteList(snapshot.Entries, static (w, entry) =>
                    {
                        w.WriteVarLong(entry.CheckpointId);
                        w.WriteBytes(entry.Data);
                        w.Write(entry.Retained);
                        w.WriteVarLong(entry.BasedOn);
                    });
                    break;
                case CheckpointCompleted completed:
                    writer.WriteCompletedCheckpoint(completed.Checkpoint); // the same format as on the wire
                    break;
                case CheckpointStoreSnapshot snapshot:
                    writer.WriteVarLong(snapshot.MaxId);
                    writer.WriteList(snapshot.Retained, static (w, checkpoint) => w.WriteCompletedCheckpoint(checkpoint));
                    break;
                case CheckpointsDiscarded:
                    break;
                case JobRecordSubmitted submitted:
                    writer.WriteSpec(submitted.Spec);
                    writer.WriteVarLong(submitted.SubmittedAt);
                    break;
                case JobRecordAttempt attempt:
                    writer.WriteVarInt(attempt.Attempt);
                    break;
                case JobRecordCheckpointsBegin begin:
                    writer.WriteVarLong(begin.FirstCheckpointId);
                    break;
                case JobRecordEnded ended:
                    writer.Write((byte)ended.Status);
                    writer.WriteNullableString(ended.Failure);
                    break;
                default:
                    throw new ArgumentException($"{nameof(StateSerializer)} cannot serialize {obj.GetType()}.");
            }
        }
        if (exact < 0)
            return stream.ToArray();
        System.Diagnostics.Debug.Assert(stream.Position == exact, "the computed size of a key-group event or snapshot is its written size");
        return stream.GetBuffer();
    }

    private static int SizeOf(KeyGroupStateStored stored) =>
        checked(1 + VarLongSize(stored.CheckpointId) + BytesSize(stored.Data) + 1 + VarLongSize(stored.LatestCompleted) + VarLongSize(stored.BasedOn));

    private static int SizeOf(KeyGroupHistorySnapshot snapshot)
    {
        var size = 1 + CountSize(snapshot.Entries.Count);
        foreach (var entry in snapshot.Entries)
            size = checked(size + VarLongSize(entry.CheckpointId) + BytesSize(entry.Data) + 1 + VarLongSize(entry.BasedOn));
        return size;
    }

    /// <summary>The size of <see cref="WireWriter.WriteBytes(byte[])"/>: the length as a count, then the bytes.</summary>
    private static int BytesSize(byte[] data) => checked(CountSize(data.Length) + data.Length);

    /// <summary>The size of a 7-bit encoded non-negative count (<see cref="BinaryCoding.WriteCount"/>).</summary>
    private static int CountSize(int count) => SevenBitSize((uint)count);

    /// <summary>The size of a zig-zag varint (<see cref="BinaryCoding.WriteVarLong"/>).</summary>
    private static int VarLongSize(long value) => SevenBitSize((ulong)((value << 1) ^ (value >> 63)));

    private static int SevenBitSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var reader = new WireReader(new MemoryStream(bytes), _system);
        var version = reader.ReadByte();
        if (version != Version)
            throw new System.Runtime.Serialization.SerializationException(
                $"State format version {version} (manifest '{manifest}') is not {Version}: the state store was written by another " +
                "ActorStream build. Start without --from-savepoint on a fresh --state-db.");
        return manifest switch
        {
            KeyGroupStoredManifest => new KeyGroupStateStored(reader.ReadVarLong(), reader.ReadByteArray(), reader.ReadBoolean(), reader.ReadVarLong(), reader.ReadVarLong()),
            KeyGroupSnapshotManifest => new KeyGroupHistorySnapshot(reader.ReadList(static r =>
                new KeyGroupEntry(r.ReadVarLong(), r.ReadByteArray(), r.ReadBoolean(), r.ReadVarLong()))),
            KeyGroupStoredWholeManifest => new KeyGroupStateStored(reader.ReadVarLong(), reader.ReadByteArray(), reader.ReadBoolean(), reader.ReadVarLong()),
            KeyGroupSnapshotWholeManifest => new KeyGroupHistorySnapshot(reader.ReadList(static r =>
                new KeyGroupEntry(r.ReadVarLong(), r.ReadByteArray(), r.ReadBoolean()))),
            CheckpointCompletedManifest => new CheckpointCompleted(reader.ReadCompletedCheckpoint()),
            CheckpointSnapshotManifest => ReadStoreSnapshot(reader),
            CheckpointsDiscardedManifest => CheckpointsDiscarded.Instance,
            JobSubmittedManifest => new JobRecordSubmitted(reader.ReadSpec(), reader.ReadVarLong()),
            JobAttemptManifest => new JobRecordAttempt(reader.ReadVarInt()),
            JobCheckpointsBeginManifest => new JobRecordCheckpointsBegin(reader.ReadVarLong()),
            JobEndedManifest => new JobRecordEnded(JobMasterMessages.ReadStatus(reader), reader.ReadNullableString()),
            _ => throw new System.Runtime.Serialization.SerializationException($"Unknown manifest '{manifest}' for {nameof(StateSerializer)}."),
        };
    }

    private static CheckpointStoreSnapshot ReadStoreSnapshot(WireReader reader)
    {
        var maxId = reader.ReadVarLong();
        return new CheckpointStoreSnapshot(reader.ReadList(static r => r.ReadCompletedCheckpoint()), maxId);
    }
}

using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.State;
using Akka.Actor;
using Akka.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// The compact binary format of everything ActorStream persists: key-group state events and
/// snapshots, completed checkpoints. Manifests are short and stable; every payload starts with a
/// format version so that later versions can still read what earlier ones wrote.
/// </summary>
public sealed class StateSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
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
          }
        }
        """);

    /// <summary>The serializer id registered in HOCON.</summary>
    public const int Id = 4201;

    private const byte Version = 1;
    private const string KeyGroupStoredManifest = "KGS";
    private const string KeyGroupSnapshotManifest = "KGH";
    private const string CheckpointCompletedManifest = "CPC";
    private const string CheckpointSnapshotManifest = "CPS";
    private const string CheckpointsDiscardedManifest = "CPD";

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
        _ => throw new ArgumentException($"{nameof(StateSerializer)} cannot serialize {o.GetType()}."),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Version);
            switch (obj)
            {
                case KeyGroupStateStored stored:
                    writer.Write(stored.CheckpointId);
                    WriteBytes(writer, stored.Data);
                    writer.Write(stored.Retained);
                    writer.Write(stored.LatestCompleted);
                    break;
                case KeyGroupHistorySnapshot snapshot:
                    writer.Write(snapshot.Entries.Count);
                    foreach (var entry in snapshot.Entries)
                    {
                        writer.Write(entry.CheckpointId);
                        WriteBytes(writer, entry.Data);
                        writer.Write(entry.Retained);
                    }
                    break;
                case CheckpointCompleted completed:
                    WriteCheckpoint(writer, completed.Checkpoint);
                    break;
                case CheckpointsDiscarded:
                    break;
                case CheckpointStoreSnapshot snapshot:
                    writer.Write(snapshot.MaxId);
                    writer.Write(snapshot.Retained.Count);
                    foreach (var checkpoint in snapshot.Retained)
                        WriteCheckpoint(writer, checkpoint);
                    break;
                default:
                    throw new ArgumentException($"{nameof(StateSerializer)} cannot serialize {obj.GetType()}.");
            }
        }
        return stream.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var version = reader.ReadByte();
        if (version != Version)
            throw new System.Runtime.Serialization.SerializationException($"Unknown state format version {version} for manifest '{manifest}'.");
        return manifest switch
        {
            KeyGroupStoredManifest => new KeyGroupStateStored(reader.ReadInt64(), ReadBytes(reader), reader.ReadBoolean(), reader.ReadInt64()),
            KeyGroupSnapshotManifest => new KeyGroupHistorySnapshot(ReadList(reader,
                r => new KeyGroupEntry(r.ReadInt64(), ReadBytes(r), r.ReadBoolean()))),
            CheckpointCompletedManifest => new CheckpointCompleted(ReadCheckpoint(reader)),
            CheckpointSnapshotManifest => ReadStoreSnapshot(reader),
            CheckpointsDiscardedManifest => CheckpointsDiscarded.Instance,
            _ => throw new System.Runtime.Serialization.SerializationException($"Unknown manifest '{manifest}' for {nameof(StateSerializer)}."),
        };
    }

    private static CheckpointStoreSnapshot ReadStoreSnapshot(BinaryReader reader)
    {
        var maxId = reader.ReadInt64();
        return new CheckpointStoreSnapshot(ReadList(reader, ReadCheckpoint), maxId);
    }

    private static void WriteCheckpoint(BinaryWriter writer, CompletedCheckpoint checkpoint)
    {
        writer.Write(checkpoint.Id);
        writer.Write(checkpoint.JobName);
        writer.Write((byte)checkpoint.Kind);
        writer.Write(checkpoint.CompletedAt);
        writer.Write(checkpoint.Operators.Count);
        foreach (var (uid, state) in checkpoint.Operators.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            writer.Write(uid);
            writer.Write(state.Parallelism);
            writer.Write(state.MaxParallelism);
            writer.Write(state.Keyed);
            writer.Write(state.SubtaskStates.Count);
            foreach (var subtaskState in state.SubtaskStates)
                WriteBytes(writer, subtaskState);
        }
    }

    private static CompletedCheckpoint ReadCheckpoint(BinaryReader reader)
    {
        var id = reader.ReadInt64();
        var jobName = reader.ReadString();
        var kind = (CheckpointKind)reader.ReadByte();
        var completedAt = reader.ReadInt64();
        var count = reader.ReadInt32();
        var operators = new Dictionary<string, OperatorCheckpointState>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var uid = reader.ReadString();
            operators[uid] = new OperatorCheckpointState(reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), ReadList(reader, ReadBytes));
        }
        return new CompletedCheckpoint(id, jobName, kind, completedAt, operators);
    }

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader) => reader.ReadBytes(reader.ReadInt32());

    private static List<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
            list.Add(read(reader));
        return list;
    }
}

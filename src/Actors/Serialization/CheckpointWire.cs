using ActorStream.Actors.Checkpointing;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the checkpoint types that runtime messages carry: barriers, subtask states, completed checkpoints.</summary>
internal static class CheckpointWire
{
    /// <summary>Writes a barrier.</summary>
    public static void WriteBarrier(this WireWriter writer, CheckpointBarrier barrier)
    {
        writer.WriteVarLong(barrier.Id);
        writer.WriteVarLong(barrier.Timestamp);
        writer.Write((byte)barrier.Kind);
    }

    /// <summary>Reads a barrier.</summary>
    public static CheckpointBarrier ReadBarrier(this WireReader reader) =>
        new(reader.ReadVarLong(), reader.ReadVarLong(), ReadKind(reader));

    /// <summary>Writes what a subtask contributes to a checkpoint.</summary>
    public static void WriteSubtaskState(this WireWriter writer, SubtaskCheckpointState state)
    {
        writer.WriteMap(state.OperatorStates, static (w, bytes) => w.WriteBytes(bytes));
        writer.WriteList(state.KeyedOperators, static (w, uid) => w.WriteRequiredString(uid));
        writer.WriteVarInt(state.KeyGroupsWritten);
        writer.WriteVarLong(state.KeyedBytesWritten);
    }

    /// <summary>Reads what a subtask contributes to a checkpoint.</summary>
    public static SubtaskCheckpointState ReadSubtaskState(this WireReader reader) => new(
        reader.ReadMap(static r => r.ReadByteArray()),
        reader.ReadList(static r => r.ReadRequiredString()),
        reader.ReadVarInt(),
        reader.ReadVarLong());

    /// <summary>Writes a completed checkpoint's metadata.</summary>
    public static void WriteCompletedCheckpoint(this WireWriter writer, CompletedCheckpoint checkpoint)
    {
        writer.WriteVarLong(checkpoint.Id);
        writer.WriteRequiredString(checkpoint.JobName);
        writer.Write((byte)checkpoint.Kind);
        writer.WriteVarLong(checkpoint.CompletedAt);
        writer.WriteMap(checkpoint.Operators, static (w, state) =>
        {
            w.WriteVarInt(state.Parallelism);
            w.WriteVarInt(state.MaxParallelism);
            w.Write(state.Keyed);
            w.WriteList(state.SubtaskStates, static (w2, bytes) => w2.WriteBytes(bytes));
        });
    }

    /// <summary>Reads a completed checkpoint's metadata.</summary>
    public static CompletedCheckpoint ReadCompletedCheckpoint(this WireReader reader) => new(
        reader.ReadVarLong(),
        reader.ReadRequiredString(),
        ReadKind(reader),
        reader.ReadVarLong(),
        reader.ReadMap(static r => new OperatorCheckpointState(
            r.ReadVarInt(), r.ReadVarInt(), r.ReadBoolean(), r.ReadList(static r2 => r2.ReadByteArray()))));

    private static CheckpointKind ReadKind(WireReader reader)
    {
        var kind = (CheckpointKind)reader.ReadByte();
        return Enum.IsDefined(kind) ? kind : throw new InvalidDataException($"Corrupt data: unknown checkpoint kind {(int)kind}.");
    }
}

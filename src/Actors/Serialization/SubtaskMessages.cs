using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the commands a job master sends to subtasks (<see cref="ISubtaskCommand"/>).</summary>
internal static class SubtaskMessages
{
    /// <summary>Adds the subtask commands to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddSubtaskCommands(this MessageCodecs codecs) => codecs
        .Add<DeploySubtask>("DS", WriteDeploy, ReadDeploy)
        .Add<ConnectSubtask>("CS",
            static (w, m) => w.WriteMap(m.Subtasks, static (w2, refs) => w2.WriteList(refs, static (w3, r) => w3.WriteActorRef(r))),
            static r => new ConnectSubtask(r.ReadMap(static r2 => r2.ReadList(static r3 => r3.ReadActorRef()).ToArray())))
        .AddSingleton("SS", StopSource.Instance)
        .AddSingleton("CX", CancelSubtask.Instance)
        .AddSingleton("RS", ReleaseSubtask.Instance)
        .Add<TriggerCheckpoint>("TC",
            static (w, m) => { w.WriteBarrier(m.Barrier); w.Write(m.SuspendAfter); },
            static r => new TriggerCheckpoint(r.ReadBarrier(), r.ReadBoolean()))
        .Add<NotifyCheckpointComplete>("NCC",
            static (w, m) => w.WriteVarLong(m.CheckpointId),
            static r => new NotifyCheckpointComplete(r.ReadVarLong()))
        .Add<NotifyCheckpointAborted>("NCA",
            static (w, m) => w.WriteVarLong(m.CheckpointId),
            static r => new NotifyCheckpointAborted(r.ReadVarLong()))
        .AddSingleton("FS", FinishSource.Instance)
        .Add<AlignSourceWatermarks>("ASW",
            static (w, m) => { w.WriteRequiredString(m.Group); w.Write(m.GroupMinimum); },
            static r => new AlignSourceWatermarks(r.ReadRequiredString(), r.ReadInt64()));

    private static void WriteDeploy(WireWriter writer, DeploySubtask deploy)
    {
        writer.WriteRequiredString(deploy.JobId);
        writer.WriteSpec(deploy.Spec);
        writer.WriteRequiredString(deploy.VertexId);
        writer.WriteVarInt(deploy.SubtaskIndex);
        writer.WriteVarInt(deploy.Attempt);
        writer.WriteActorRef(deploy.JobMaster);
        writer.Write(deploy.Restore is not null);
        if (deploy.Restore is { } restore)
            writer.WriteCompletedCheckpoint(restore);
    }

    private static DeploySubtask ReadDeploy(WireReader reader) => new(
        reader.ReadRequiredString(),
        reader.ReadSpec(),
        reader.ReadRequiredString(),
        reader.ReadVarInt(),
        reader.ReadVarInt(),
        reader.ReadActorRef(),
        reader.ReadBoolean() ? reader.ReadCompletedCheckpoint() : null);
}

using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.State;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the messages to and from the completed-checkpoint store and the key-group state entities.</summary>
internal static class StateMessages
{
    /// <summary>Adds the checkpoint store's and key-group entities' messages to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddState(this MessageCodecs codecs) => codecs
        .AddSingleton("LC", LoadCheckpoints.Instance)
        .Add<CheckpointsLoaded>("CL",
            static (w, m) => { w.WriteList(m.Retained, static (w2, c) => w2.WriteCompletedCheckpoint(c)); w.WriteVarLong(m.NextId); },
            static r => new CheckpointsLoaded(r.ReadList(static r2 => r2.ReadCompletedCheckpoint()), r.ReadVarLong()))
        .Add<StoreCheckpoint>("SCP",
            static (w, m) => w.WriteCompletedCheckpoint(m.Checkpoint),
            static r => new StoreCheckpoint(r.ReadCompletedCheckpoint()))
        .Add<CheckpointStored>("CST",
            static (w, m) => w.WriteVarLong(m.CheckpointId),
            static r => new CheckpointStored(r.ReadVarLong()))
        .AddSingleton("DCP", DiscardCheckpoints.Instance)
        .Add<WriteKeyGroupState>("WKG",
            static (w, m) => { w.WriteVarLong(m.CheckpointId); w.WriteBytes(m.Data); w.Write(m.Retained); w.WriteVarLong(m.LatestCompleted); w.WriteVarLong(m.BasedOn); },
            static r => new WriteKeyGroupState(r.ReadVarLong(), r.ReadByteArray(), r.ReadBoolean(), r.ReadVarLong(), r.ReadVarLong()))
        .Add<WriteKeyGroupStatePart>("WKP",
            static (w, m) =>
            {
                w.WriteVarLong(m.CheckpointId); w.Write(m.Retained); w.WriteVarLong(m.LatestCompleted); w.WriteVarLong(m.BasedOn);
                w.WriteVarInt(m.TotalBytes); w.WriteVarInt(m.Offset); w.WriteBytes(m.Bytes);
            },
            static r => new WriteKeyGroupStatePart(r.ReadVarLong(), r.ReadBoolean(), r.ReadVarLong(), r.ReadVarLong(),
                r.ReadVarInt(), r.ReadVarInt(), r.ReadByteArray()))
        .AddSingleton("WKU", WarmUpKeyGroupState.Instance)
        .Add<KeyGroupStateWritten>("KGW",
            static (w, m) => { w.WriteRequiredString(m.EntityId); w.WriteVarLong(m.CheckpointId); },
            static r => new KeyGroupStateWritten(r.ReadRequiredString(), r.ReadVarLong()))
        .Add<KeyGroupStateWriteFailed>("KGF",
            static (w, m) => { w.WriteRequiredString(m.EntityId); w.WriteVarLong(m.CheckpointId); w.WriteRequiredString(m.Reason); },
            static r => new KeyGroupStateWriteFailed(r.ReadRequiredString(), r.ReadVarLong(), r.ReadRequiredString()));
}

namespace ActorStream.Actors.State;

/// <summary>A message to a key-group state entity.</summary>
public interface IKeyGroupStateCommand;

/// <summary>
/// Store the key group's state as of checkpoint <paramref name="CheckpointId"/>; answered with
/// <see cref="KeyGroupStateWritten"/> once durable. <paramref name="LatestCompleted"/> lets the entity prune.
/// <paramref name="BasedOn"/> is 0 when <paramref name="Data"/> is the whole key group, else the checkpoint whose write
/// this delta applies onto: the entity refuses a delta unless that is the latest write it holds before this one.
/// </summary>
public sealed record WriteKeyGroupState(long CheckpointId, byte[] Data, bool Retained, long LatestCompleted, long BasedOn = 0) : IKeyGroupStateCommand;

/// <summary>
/// Bytes [<paramref name="Offset"/>, <paramref name="Offset"/> + length) of a <see cref="WriteKeyGroupState"/>'s data of
/// <paramref name="TotalBytes"/>, with the write's other fields: a write larger than a remote message travels as parts,
/// sent in order, which the entity puts together and stores as one write (see <see cref="KeyGroupWriteParts"/>).
/// </summary>
public sealed record WriteKeyGroupStatePart(
    long CheckpointId, bool Retained, long LatestCompleted, long BasedOn, int TotalBytes, int Offset, ArraySegment<byte> Bytes) : IKeyGroupStateCommand;

/// <summary>
/// Starts the entity (it recovers its history from the store) without writing anything: subtasks send it when they start,
/// so that recoveries and the store's first queries happen while the job deploys, not at the first checkpoint.
/// </summary>
public sealed record WarmUpKeyGroupState : IKeyGroupStateCommand
{
    /// <summary>The single instance.</summary>
    public static readonly WarmUpKeyGroupState Instance = new();
}

/// <summary>The state written for <paramref name="CheckpointId"/> is durable.</summary>
public sealed record KeyGroupStateWritten(string EntityId, long CheckpointId);

/// <summary>The state store refused or failed the write for <paramref name="CheckpointId"/> (the entity stops; the next message recreates it).</summary>
public sealed record KeyGroupStateWriteFailed(string EntityId, long CheckpointId, string Reason);

/// <summary>
/// The key group's state as of the asked checkpoint, read by <see cref="KeyGroupStoreReader"/> on the
/// restoring subtask's node (never sent to another node): the whole key group as written at some checkpoint, then the
/// deltas written after it up to <paramref name="CheckpointId"/>, to be applied in order; <paramref name="Blobs"/> is
/// null when it never had any.
/// </summary>
public sealed record KeyGroupStateRead(string EntityId, long? CheckpointId, IReadOnlyList<byte[]>? Blobs) : Akka.Actor.INoSerializationVerificationNeeded;

/// <summary>The event a key-group entity persists for each write (<paramref name="BasedOn"/> as in <see cref="WriteKeyGroupState"/>).</summary>
public sealed record KeyGroupStateStored(long CheckpointId, byte[] Data, bool Retained, long LatestCompleted, long BasedOn = 0);

/// <summary>The snapshot that compacts a key-group entity's journal.</summary>
public sealed record KeyGroupHistorySnapshot(IReadOnlyList<KeyGroupEntry> Entries);

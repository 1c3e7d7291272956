namespace ActorStream.Actors.State;

/// <summary>A message to a key-group state entity.</summary>
public interface IKeyGroupStateCommand;

/// <summary>
/// Store the key group's state as of checkpoint <paramref name="CheckpointId"/>; answered with
/// <see cref="KeyGroupStateWritten"/> once durable. <paramref name="LatestCompleted"/> lets the entity prune.
/// </summary>
public sealed record WriteKeyGroupState(long CheckpointId, byte[] Data, bool Retained, long LatestCompleted) : IKeyGroupStateCommand;

/// <summary>The state written for <paramref name="CheckpointId"/> is durable.</summary>
public sealed record KeyGroupStateWritten(string EntityId, long CheckpointId);

/// <summary>The state store refused or failed the write for <paramref name="CheckpointId"/> (the entity stops; the next message recreates it).</summary>
public sealed record KeyGroupStateWriteFailed(string EntityId, long CheckpointId, string Reason);

/// <summary>
/// The key group's state as of the asked checkpoint, read by <see cref="KeyGroupStoreReader"/> on the
/// restoring subtask's node (never sent to another node); <paramref name="Data"/> is null when it never had any.
/// </summary>
public sealed record KeyGroupStateRead(string EntityId, long? CheckpointId, byte[]? Data) : Akka.Actor.INoSerializationVerificationNeeded;

/// <summary>The event a key-group entity persists for each write.</summary>
public sealed record KeyGroupStateStored(long CheckpointId, byte[] Data, bool Retained, long LatestCompleted);

/// <summary>The snapshot that compacts a key-group entity's journal.</summary>
public sealed record KeyGroupHistorySnapshot(IReadOnlyList<KeyGroupEntry> Entries);

namespace ActorStream.Actors.Checkpointing;

/// <summary>A message to a job name's <see cref="CompletedCheckpointStore"/>.</summary>
public interface ICheckpointStoreCommand;

/// <summary>Asks for the stored checkpoints; answered with <see cref="CheckpointsLoaded"/>.</summary>
public sealed record LoadCheckpoints : ICheckpointStoreCommand
{
    /// <summary>The single instance.</summary>
    public static readonly LoadCheckpoints Instance = new();
}

/// <summary>The retained checkpoints (oldest first) and the id the next checkpoint must have.</summary>
public sealed record CheckpointsLoaded(IReadOnlyList<CompletedCheckpoint> Retained, long NextId)
{
    /// <summary>The latest completed checkpoint or savepoint, or null.</summary>
    public CompletedCheckpoint? Latest => Retained.Count == 0 ? null : Retained[^1];
}

/// <summary>Makes a completed checkpoint durable; answered with <see cref="CheckpointStored"/>.</summary>
public sealed record StoreCheckpoint(CompletedCheckpoint Checkpoint) : ICheckpointStoreCommand;

/// <summary>The checkpoint's metadata is durable: the checkpoint is complete.</summary>
public sealed record CheckpointStored(long CheckpointId);

/// <summary>Forgets the retained checkpoints (not the savepoints): the job was cancelled and keeps none.</summary>
public sealed record DiscardCheckpoints : ICheckpointStoreCommand
{
    /// <summary>The single instance.</summary>
    public static readonly DiscardCheckpoints Instance = new();
}

/// <summary>The event persisted when retained checkpoints are discarded.</summary>
public sealed record CheckpointsDiscarded
{
    /// <summary>The single instance.</summary>
    public static readonly CheckpointsDiscarded Instance = new();
}

/// <summary>The event persisted for a completed checkpoint.</summary>
public sealed record CheckpointCompleted(CompletedCheckpoint Checkpoint);

/// <summary>The snapshot that compacts the store's journal.</summary>
public sealed record CheckpointStoreSnapshot(IReadOnlyList<CompletedCheckpoint> Retained, long MaxId);

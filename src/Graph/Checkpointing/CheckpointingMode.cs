namespace ActorStream.Graph;

/// <summary>The guarantee checkpoints give for state (Flink's CheckpointingMode).</summary>
public enum CheckpointingMode
{
    /// <summary>Subtasks align barriers from all inputs: state reflects every record exactly once.</summary>
    ExactlyOnce,

    /// <summary>No alignment: after a restore some records may be reflected twice in state.</summary>
    AtLeastOnce,
}

namespace ActorStream.Graph;

/// <summary>How a job takes checkpoints (Flink's CheckpointConfig); immutable, copy with <c>with</c>.</summary>
public sealed record CheckpointConfig
{
    /// <summary>Time between the start of two periodic checkpoints.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>Exactly-once (aligned) or at-least-once barriers.</summary>
    public CheckpointingMode Mode { get; init; } = CheckpointingMode.ExactlyOnce;

    /// <summary>A checkpoint not completed within this time is aborted.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Least time between the end of one checkpoint and the start of the next.</summary>
    public TimeSpan MinPauseBetweenCheckpoints { get; init; } = TimeSpan.Zero;

    /// <summary>How many checkpoints may be in progress at once.</summary>
    public int MaxConcurrentCheckpoints { get; init; } = 1;

    /// <summary>How many checkpoint failures in a row the job tolerates before it fails (and restarts).</summary>
    public int TolerableFailedCheckpoints { get; init; }

    /// <summary>Keep the latest completed checkpoint when the job is cancelled (it is always kept when the job fails).</summary>
    public bool RetainOnCancellation { get; init; } = true;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public CheckpointConfig Validate()
    {
        if (Interval < TimeSpan.FromMilliseconds(10))
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "checkpoint interval must be at least 10 ms.");
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "checkpoint timeout must be positive.");
        if (MinPauseBetweenCheckpoints < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MinPauseBetweenCheckpoints), MinPauseBetweenCheckpoints, "min pause must not be negative.");
        if (MaxConcurrentCheckpoints < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentCheckpoints), MaxConcurrentCheckpoints, "max concurrent checkpoints must be at least 1.");
        if (TolerableFailedCheckpoints < 0)
            throw new ArgumentOutOfRangeException(nameof(TolerableFailedCheckpoints), TolerableFailedCheckpoints, "tolerable failed checkpoints must not be negative.");
        return this;
    }
}

namespace ActorStream.Graph.Plan;

/// <summary>The environment settings that shape a job graph and its runtime.</summary>
public sealed record PlanSettings
{
    /// <summary>The default parallelism of operators.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The default max parallelism (number of key groups).</summary>
    public int MaxParallelism { get; init; } = Keys.KeyGroupRangeAssignment.DefaultMaxParallelism;

    /// <summary>The requested runtime mode.</summary>
    public RuntimeExecutionMode RuntimeMode { get; init; } = RuntimeExecutionMode.Automatic;

    /// <summary>How often sources ask their watermark generators for a watermark; zero means after every event.</summary>
    public TimeSpan AutoWatermarkInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Records per network batch (to another node: up to 16 times as many small records, within the remote byte budget).</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>How long a partly filled batch may wait before it is sent.</summary>
    public TimeSpan BatchTimeout { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches a receiver lets each input channel have in flight (credits).</summary>
    public int CreditsPerChannel { get; init; } = 2;

    /// <summary>The default of <see cref="LocalBatchBytes"/>.</summary>
    public const int DefaultLocalBatchBytes = 1024 * 1024;

    /// <summary>
    /// The serialized bytes a batch to a subtask of the same node may hold (sampled, not exact): such batches pass by reference, and
    /// this bounds the memory in flight and the data a barrier waits behind when records are large. Batches to other nodes have their own bound.
    /// </summary>
    public int LocalBatchBytes { get; init; } = DefaultLocalBatchBytes;

    /// <summary>Periodic checkpoints, or null when checkpointing is off.</summary>
    public CheckpointConfig? Checkpointing { get; init; }

    /// <summary>The restart strategy; null means none without checkpointing and exponential delay with it.</summary>
    public RestartStrategy? RestartStrategy { get; init; }

    /// <summary>The checkpoint or savepoint to start from, or null for a fresh start.</summary>
    public SavepointRestoreSettings? RestoreFrom { get; init; }

    /// <summary>The restart strategy in effect.</summary>
    public RestartStrategy EffectiveRestartStrategy =>
        RestartStrategy ?? (Checkpointing is null ? Graph.RestartStrategy.None : Graph.RestartStrategy.DefaultWithCheckpointing);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public PlanSettings Validate()
    {
        if (Parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "parallelism must be at least 1.");
        Keys.KeyGroupRangeAssignment.CheckParallelism(MaxParallelism, Math.Min(Parallelism, MaxParallelism));
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be at least 1.");
        if (CreditsPerChannel < 1)
            throw new ArgumentOutOfRangeException(nameof(CreditsPerChannel), CreditsPerChannel, "credits per channel must be at least 1.");
        if (LocalBatchBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(LocalBatchBytes), LocalBatchBytes, "local batch bytes must be at least 1.");
        if (BatchTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BatchTimeout), BatchTimeout, "batch timeout must be positive.");
        if (AutoWatermarkInterval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(AutoWatermarkInterval), AutoWatermarkInterval, "auto-watermark interval must not be negative.");
        Checkpointing?.Validate();
        RestartStrategy?.Validate();
        RestoreFrom?.Parse();
        return this;
    }
}

namespace ActorStream.Graph;

/// <summary>When a value's time-to-live starts again (Flink's StateTtlConfig.UpdateType).</summary>
public enum TtlUpdateType
{
    /// <summary>Creating or writing a value restarts its time-to-live.</summary>
    OnCreateAndWrite,

    /// <summary>Reading a value restarts it too.</summary>
    OnReadAndWrite,
}

/// <summary>Whether an expired value that is still stored can be read (Flink's StateTtlConfig.StateVisibility).</summary>
public enum TtlStateVisibility
{
    /// <summary>An expired value reads as absent.</summary>
    NeverReturnExpired,

    /// <summary>An expired value is returned by the read that finds it, which also removes it.</summary>
    ReturnExpiredIfNotCleanedUp,
}

/// <summary>Which clock measures a value's age.</summary>
public enum TtlTimeCharacteristic
{
    /// <summary>The subtask's processing-time clock: a value expires <c>ttl</c> after its last write (or read).</summary>
    ProcessingTime,

    /// <summary>
    /// Event time: a value written while processing a record or timer at time t expires when the operator's
    /// watermark reaches t + ttl (with no record timestamp, the watermark at the write counts as t).
    /// </summary>
    EventTime,
}

/// <summary>
/// Time-to-live of a keyed state (Flink's StateTtlConfig, plus event time): set it on a descriptor with
/// <see cref="StateDescriptor.EnableTimeToLive"/>. Expired values are removed when read, a few per state access
/// (incremental cleanup), from every snapshot (full-snapshot cleanup) and on restore.
/// </summary>
public sealed record StateTtlConfig
{
    /// <summary>Creates a configuration with Flink's defaults: update on create and write, expired never returned, processing time, incremental cleanup of 5 entries per access.</summary>
    public StateTtlConfig(TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A state's time-to-live must be positive.");
        Ttl = ttl;
    }

    /// <summary>How long a value lives after its last write (or read, with <see cref="TtlUpdateType.OnReadAndWrite"/>).</summary>
    public TimeSpan Ttl { get; }

    /// <summary>When the time-to-live restarts.</summary>
    public TtlUpdateType UpdateType { get; init; } = TtlUpdateType.OnCreateAndWrite;

    /// <summary>Whether expired values that are still stored can be read.</summary>
    public TtlStateVisibility StateVisibility { get; init; } = TtlStateVisibility.NeverReturnExpired;

    /// <summary>The clock that ages values.</summary>
    public TtlTimeCharacteristic TimeCharacteristic { get; init; } = TtlTimeCharacteristic.ProcessingTime;

    /// <summary>True: snapshots leave expired values out (the key group's stored copy shrinks when it is written).</summary>
    public bool CleanupFullSnapshot { get; init; } = true;

    /// <summary>How many stored keys each access of the state checks and cleans; 0 turns incremental cleanup off.</summary>
    public int IncrementalCleanupSize { get; init; } = 5;

    /// <summary>A builder in Flink's style: <c>StateTtlConfig.NewBuilder(ttl).SetUpdateType(...).Build()</c>.</summary>
    public static Builder NewBuilder(TimeSpan ttl) => new(new StateTtlConfig(ttl));

    /// <summary>Builds a <see cref="StateTtlConfig"/> step by step.</summary>
    public sealed class Builder(StateTtlConfig config)
    {
        private StateTtlConfig _config = config;

        /// <summary>Sets when the time-to-live restarts.</summary>
        public Builder SetUpdateType(TtlUpdateType type) => With(_config with { UpdateType = type });

        /// <summary>Restarts the time-to-live on reads too.</summary>
        public Builder UpdateTtlOnReadAndWrite() => SetUpdateType(TtlUpdateType.OnReadAndWrite);

        /// <summary>Sets whether expired values can be read.</summary>
        public Builder SetStateVisibility(TtlStateVisibility visibility) => With(_config with { StateVisibility = visibility });

        /// <summary>Expired values read as absent (the default).</summary>
        public Builder NeverReturnExpired() => SetStateVisibility(TtlStateVisibility.NeverReturnExpired);

        /// <summary>An expired value is returned by the read that finds it.</summary>
        public Builder ReturnExpiredIfNotCleanedUp() => SetStateVisibility(TtlStateVisibility.ReturnExpiredIfNotCleanedUp);

        /// <summary>Sets the clock that ages values.</summary>
        public Builder SetTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) => With(_config with { TimeCharacteristic = characteristic });

        /// <summary>Ages values by the watermark (see <see cref="TtlTimeCharacteristic.EventTime"/>).</summary>
        public Builder UseEventTime() => SetTtlTimeCharacteristic(TtlTimeCharacteristic.EventTime);

        /// <summary>Leaves expired values out of snapshots (on by default).</summary>
        public Builder CleanupFullSnapshot() => With(_config with { CleanupFullSnapshot = true });

        /// <summary>Checks <paramref name="cleanupSize"/> stored keys per state access (5 by default; 0 = off).</summary>
        public Builder CleanupIncrementally(int cleanupSize)
        {
            if (cleanupSize < 0)
                throw new ArgumentOutOfRangeException(nameof(cleanupSize), cleanupSize, "The incremental cleanup size must be 0 (off) or more.");
            return With(_config with { IncrementalCleanupSize = cleanupSize });
        }

        /// <summary>Turns snapshot and incremental cleanup off: expired values go only when read (and on restore).</summary>
        public Builder DisableCleanupInBackground() => With(_config with { CleanupFullSnapshot = false, IncrementalCleanupSize = 0 });

        /// <summary>The configuration.</summary>
        public StateTtlConfig Build() => _config;

        private Builder With(StateTtlConfig config)
        {
            _config = config;
            return this;
        }
    }
}

namespace ActorStream.Graph;

/// <summary>How a source assigns event timestamps and generates watermarks.</summary>
public sealed class WatermarkStrategy<T>
{
    private WatermarkStrategy(Func<IWatermarkGenerator<T>> generatorFactory, Func<T, long, long>? timestampAssigner)
    {
        CreateGenerator = generatorFactory;
        TimestampAssigner = timestampAssigner;
    }

    /// <summary>Creates the generator of one source subtask.</summary>
    public Func<IWatermarkGenerator<T>> CreateGenerator { get; }

    /// <summary>Extracts an event timestamp from an element and its source timestamp; null keeps the source timestamp.</summary>
    public Func<T, long, long>? TimestampAssigner { get; }

    /// <summary>True when the strategy never emits watermarks (processing-time jobs).</summary>
    public bool IsNoWatermarks { get; private init; }

    /// <summary>How long a source subtask may go without records before it is marked idle, or null for never.</summary>
    public TimeSpan? IdleTimeout { get; private init; }

    /// <summary>The watermark alignment of the source, or null when it reads as fast as it can.</summary>
    public WatermarkAlignmentParams? Alignment { get; private init; }

    /// <summary>No event time: records keep their source timestamps and no watermarks flow.</summary>
    public static WatermarkStrategy<T> NoWatermarks() => new(() => new NoWatermarksGenerator<T>(), null) { IsNoWatermarks = true };

    /// <summary>Timestamps only increase: the watermark is the latest timestamp minus 1 ms.</summary>
    public static WatermarkStrategy<T> ForMonotonousTimestamps() => ForBoundedOutOfOrderness(TimeSpan.Zero);

    /// <summary>Events arrive at most <paramref name="maxOutOfOrderness"/> late: watermark = max timestamp - bound - 1 ms.</summary>
    public static WatermarkStrategy<T> ForBoundedOutOfOrderness(TimeSpan maxOutOfOrderness)
    {
        _ = new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness); // validates the bound once, up front
        return new(() => new BoundedOutOfOrdernessWatermarks<T>(maxOutOfOrderness), null);
    }

    /// <summary>A custom generator, one instance per source subtask.</summary>
    public static WatermarkStrategy<T> ForGenerator(Func<IWatermarkGenerator<T>> generatorFactory) => new(generatorFactory, null);

    /// <summary>Uses <paramref name="assigner"/> (element, source timestamp) to assign event timestamps.</summary>
    public WatermarkStrategy<T> WithTimestampAssigner(Func<T, long, long> assigner) =>
        new(CreateGenerator, assigner) { IsNoWatermarks = IsNoWatermarks, IdleTimeout = IdleTimeout, Alignment = Alignment };

    /// <summary>
    /// Marks a source subtask idle after <paramref name="timeout"/> without records, so downstream
    /// operators stop waiting for its watermarks; it becomes active with its next record.
    /// </summary>
    public WatermarkStrategy<T> WithIdleness(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The idle timeout must be positive.");
        return new(CreateGenerator, TimestampAssigner) { IsNoWatermarks = IsNoWatermarks, IdleTimeout = timeout, Alignment = Alignment };
    }

    /// <summary>
    /// Aligns the watermarks of this source with every source of <paramref name="group"/> (Flink's
    /// withWatermarkAlignment, FLIP-182/FLIP-217): a split whose watermark runs more than <paramref name="maxDrift"/>
    /// ahead of the group's minimum is paused (when its reader can pause splits), and a subtask whose watermark does is
    /// not polled, until the others catch up. Checked every <paramref name="updateInterval"/> (default 1 s).
    /// </summary>
    public WatermarkStrategy<T> WithWatermarkAlignment(string group, TimeSpan maxDrift, TimeSpan? updateInterval = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        if (IsNoWatermarks)
            throw new InvalidOperationException("Watermark alignment needs watermarks: use ForBoundedOutOfOrderness or another strategy that emits them.");
        var drift = (long)maxDrift.TotalMilliseconds;
        if (drift <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxDrift), maxDrift, "The maximum drift must be at least 1 ms.");
        var interval = (long)(updateInterval ?? WatermarkAlignmentParams.DefaultUpdateInterval).TotalMilliseconds;
        if (interval <= 0)
            throw new ArgumentOutOfRangeException(nameof(updateInterval), updateInterval, "The update interval must be at least 1 ms.");
        return new(CreateGenerator, TimestampAssigner)
        {
            IsNoWatermarks = IsNoWatermarks,
            IdleTimeout = IdleTimeout,
            Alignment = new WatermarkAlignmentParams(group, drift, interval),
        };
    }
}

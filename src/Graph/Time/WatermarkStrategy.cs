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
        new(CreateGenerator, assigner) { IsNoWatermarks = IsNoWatermarks, IdleTimeout = IdleTimeout };

    /// <summary>
    /// Marks a source subtask idle after <paramref name="timeout"/> without records, so downstream
    /// operators stop waiting for its watermarks; it becomes active with its next record.
    /// </summary>
    public WatermarkStrategy<T> WithIdleness(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The idle timeout must be positive.");
        return new(CreateGenerator, TimestampAssigner) { IsNoWatermarks = IsNoWatermarks, IdleTimeout = timeout };
    }
}

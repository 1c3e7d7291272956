namespace ActorStream.Graph;

/// <summary>Emits watermarks that trail the largest timestamp seen by a fixed bound (Flink's BoundedOutOfOrdernessWatermarks).</summary>
public sealed class BoundedOutOfOrdernessWatermarks<T> : IWatermarkGenerator<T>
{
    private readonly long _bound;
    private long _maxTimestamp;

    /// <summary>Creates a generator that tolerates events up to <paramref name="maxOutOfOrderness"/> late.</summary>
    public BoundedOutOfOrdernessWatermarks(TimeSpan maxOutOfOrderness)
    {
        if (maxOutOfOrderness < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(maxOutOfOrderness), "The out-of-orderness bound must not be negative.");
        _bound = (long)maxOutOfOrderness.TotalMilliseconds;
        // Start so that the first periodic watermark is long.MinValue, not an overflow.
        _maxTimestamp = long.MinValue + _bound + 1;
    }

    /// <inheritdoc />
    public void OnEvent(T value, long timestamp, IWatermarkOutput output) => _maxTimestamp = Math.Max(_maxTimestamp, timestamp);

    /// <inheritdoc />
    public void OnPeriodicEmit(IWatermarkOutput output) => output.EmitWatermark(_maxTimestamp - _bound - 1);
}

/// <summary>Emits no watermarks.</summary>
internal sealed class NoWatermarksGenerator<T> : IWatermarkGenerator<T>
{
    public void OnEvent(T value, long timestamp, IWatermarkOutput output) { }

    public void OnPeriodicEmit(IWatermarkOutput output) { }
}

namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// The loops' event-time clock: the watermark the source's <see cref="NexmarkSource.Watermarks"/> strategy would emit
/// after the events seen so far, the largest timestamp minus 4 s minus 1 ms.
/// </summary>
public struct LoopWatermark
{
    private long _maxTimestamp;

    /// <summary>A clock that has seen no event.</summary>
    public LoopWatermark() => _maxTimestamp = long.MinValue + (long)NexmarkSource.MaxOutOfOrderness.TotalMilliseconds + 1;

    /// <summary>The current watermark.</summary>
    public readonly long Current => _maxTimestamp - (long)NexmarkSource.MaxOutOfOrderness.TotalMilliseconds - 1;

    /// <summary>Advances the clock past <paramref name="timestamp"/>; returns the new watermark.</summary>
    public long Observe(long timestamp)
    {
        if (timestamp > _maxTimestamp)
            _maxTimestamp = timestamp;
        return Current;
    }
}

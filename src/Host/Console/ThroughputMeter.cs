namespace ActorStream.Host.Console;

/// <summary>
/// Turns successive running totals into a rate over a sliding window. Subtasks report their counts
/// every few hundred milliseconds, not in step, so a rate between two adjacent samples jumps around;
/// a window of a few seconds smooths that.
/// </summary>
internal sealed class ThroughputMeter(TimeProvider time, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(3);
    private readonly Queue<(long Timestamp, long Count)> _samples = new([(time.GetTimestamp(), 0L)]);

    /// <summary>Records <paramref name="count"/> (a running total) and returns the per-second rate over the window.</summary>
    public double Sample(long count)
    {
        var now = time.GetTimestamp();
        // Keep the newest sample older than the window as the baseline, so the window is always covered.
        while (_samples.Count > 1 && time.GetElapsedTime(_samples.ElementAt(1).Timestamp, now) >= _window)
            _samples.Dequeue();
        var (since, baseline) = _samples.Peek();
        _samples.Enqueue((now, count));
        var seconds = time.GetElapsedTime(since, now).TotalSeconds;
        return seconds > 0 ? Math.Max(0, (count - baseline) / seconds) : 0;
    }
}

namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>
/// Gathers the latency histograms of a run's sink writers. Each writer records into its own histogram on its own
/// thread and hands it over once, when it closes, so the hot path takes no lock.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly LatencyHistogram _total = new();

    /// <summary>Adds a closed writer's <paramref name="histogram"/> to the run's total.</summary>
    public void Add(LatencyHistogram histogram)
    {
        lock (_lock)
            _total.Add(histogram);
    }

    /// <summary>p50, p99 and max over every histogram added so far.</summary>
    public LatencySummary Summary()
    {
        lock (_lock)
            return LatencySummary.Of(_total);
    }
}

using System.Diagnostics;

namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>Percentiles of per-result latency, in milliseconds.</summary>
/// <param name="P50Ms">The median.</param>
/// <param name="P99Ms">The 99th percentile.</param>
/// <param name="MaxMs">The largest latency measured.</param>
/// <param name="Samples">How many results were measured (every one, no sampling).</param>
public sealed record LatencySummary(double P50Ms, double P99Ms, double MaxMs, long Samples)
{
    /// <summary>The summary of <paramref name="histogram"/>, whose values are <see cref="Stopwatch"/> ticks.</summary>
    public static LatencySummary Of(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new LatencySummary(Milliseconds(histogram.ValueAtPercentile(50)), Milliseconds(histogram.ValueAtPercentile(99)),
            Milliseconds(histogram.Max), histogram.Count);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

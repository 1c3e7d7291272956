using ActorStream.Bench.Nexmark.Latency;

namespace ActorStream.Bench.Tests;

public sealed class LatencyHistogramSpecs
{
    [Fact]
    public void Small_values_should_be_exact()
    {
        var histogram = new LatencyHistogram();
        for (var value = 1; value <= 100; value++)
            histogram.Record(value);

        Assert.Equal(50, histogram.ValueAtPercentile(50));
        Assert.Equal(99, histogram.ValueAtPercentile(99));
        Assert.Equal(100, histogram.ValueAtPercentile(100));
        Assert.Equal(100, histogram.Max);
        Assert.Equal(100, histogram.Count);
    }

    [Fact]
    public void Large_values_should_be_within_one_128th_and_never_below_the_true_percentile()
    {
        var histogram = new LatencyHistogram();
        var values = Enumerable.Range(0, 100_000).Select(i => 1_000L + i * 37_000L).ToArray();
        foreach (var value in values)
            histogram.Record(value);

        foreach (var percentile in new[] { 1.0, 50, 90, 99, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            var measured = histogram.ValueAtPercentile(percentile);
            Assert.InRange(measured, exact, exact + exact / 128);
        }
        Assert.Equal(values[^1], histogram.Max);
        Assert.Equal(values[^1], histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Adding_histograms_should_equal_recording_everything_in_one()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        var both = new LatencyHistogram();
        for (long value = 0; value < 10_000; value++)
        {
            (value % 3 == 0 ? a : b).Record(value * value);
            both.Record(value * value);
        }

        a.Add(b);

        Assert.Equal(both.Count, a.Count);
        Assert.Equal(both.Max, a.Max);
        foreach (var percentile in new[] { 0.0, 25, 50, 75, 99, 100 })
            Assert.Equal(both.ValueAtPercentile(percentile), a.ValueAtPercentile(percentile));
    }

    [Fact]
    public void Extreme_values_should_be_recorded()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(long.MaxValue);
        histogram.Record(-5);

        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal(long.MaxValue, histogram.ValueAtPercentile(100));
        Assert.Equal(0, new LatencyHistogram().ValueAtPercentile(99));
    }
}

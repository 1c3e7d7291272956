using System.Numerics;

namespace ActorStream.Bench.Nexmark.Latency;

/// <summary>
/// A log-linear histogram of non-negative values, HdrHistogram-style: exact below 256, then 128 buckets per power of
/// two, so a value is known within 1/128 (0.8 %). Recording is an array increment: no allocation, no lock (one writer).
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Buckets per power of two above the exact range, as a power of two.</summary>
    private const int SubBucketBits = 7;

    private const int SubBuckets = 1 << SubBucketBits;

    // Index 128 * shift + top with top = value >> shift in [128, 256): at most 128 * 55 + 255 for long.MaxValue.
    private readonly long[] _counts = new long[SubBuckets * (64 - SubBucketBits)];

    /// <summary>How many values were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The largest value recorded, exactly; 0 when none was.</summary>
    public long Max { get; private set; }

    /// <summary>Records <paramref name="value"/>; negative values (a clock that went back) count as 0.</summary>
    public void Record(long value)
    {
        if (value < 0)
            value = 0;
        _counts[IndexOf(value)]++;
        Count++;
        if (value > Max)
            Max = value;
    }

    /// <summary>Adds every value recorded in <paramref name="other"/>.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0 to 100) by nearest rank: the highest value of the bucket that
    /// holds it, capped at <see cref="Max"/>, so it errs high by less than 1/128. 0 when nothing was recorded.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100.0);
        if (Count == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(HighestValueOf(i), Max);
        }
        return Max;
    }

    private static int IndexOf(long value)
    {
        if (value < 2 * SubBuckets)
            return (int)value;
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return (shift << SubBucketBits) + (int)(value >> shift);
    }

    private static long HighestValueOf(int index)
    {
        if (index < 2 * SubBuckets)
            return index;
        var shift = (index >> SubBucketBits) - 1;
        var top = index - (shift << SubBucketBits);
        return ((long)(top + 1) << shift) - 1;
    }
}

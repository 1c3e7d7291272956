namespace ActorStream.Graph.Windowing;

/// <summary>A window of event or processing time from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record TimeWindow(long Start, long End) : Window
{
    /// <summary>End - 1: the last timestamp inside the window.</summary>
    public override long MaxTimestamp => End - 1;

    /// <summary>Equal when start and end are (the window is a timer and state namespace, compared on every lookup).</summary>
    public bool Equals(TimeWindow? other) => ReferenceEquals(this, other) || (other is not null && Start == other.Start && End == other.End);

    /// <summary>A hash of start and end, without the record's type term.</summary>
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>True when this window overlaps <paramref name="other"/> or touches it (so that sessions merge).</summary>
    public bool Intersects(TimeWindow other) => Start <= other.End && End >= other.Start;

    /// <summary>The smallest window that covers this window and <paramref name="other"/>.</summary>
    public TimeWindow Cover(TimeWindow other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>
    /// The start of the window of <paramref name="windowSize"/> ms, shifted by <paramref name="offset"/>, that
    /// contains <paramref name="timestamp"/>; correct for negative timestamps too (Flink's getWindowStartWithOffset).
    /// </summary>
    public static long GetWindowStartWithOffset(long timestamp, long offset, long windowSize)
    {
        var remainder = (timestamp - offset) % windowSize;
        // C#'s % keeps the sign of the dividend: a negative remainder belongs to the window one size earlier.
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /// <summary>Merges overlapping windows (sorted by start): calls <paramref name="merge"/> once per group of two or more.</summary>
    public static void MergeWindows(IEnumerable<TimeWindow> windows, MergeCallback<TimeWindow> merge)
    {
        TimeWindow? cover = null;
        List<TimeWindow> group = [];
        foreach (var candidate in windows.OrderBy(w => w.Start))
        {
            if (cover is not null && cover.Intersects(candidate))
            {
                cover = cover.Cover(candidate);
                group.Add(candidate);
                continue;
            }
            if (group.Count > 1)
                merge(group, cover!);
            cover = candidate;
            group = [candidate];
        }
        if (group.Count > 1)
            merge(group, cover!);
    }

    /// <inheritdoc />
    public override string ToString() => $"TimeWindow{{start={Start}, end={End}}}";
}

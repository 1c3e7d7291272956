namespace ActorStream.Graph.Windowing;

/// <summary>Keeps the elements within <see cref="WindowSize"/> ms of the newest element's timestamp and evicts older ones.</summary>
public sealed class TimeEvictor : BeforeOrAfterEvictor
{
    private TimeEvictor(long windowSize, bool doEvictAfter)
        : base(doEvictAfter) => WindowSize = windowSize;

    /// <summary>How far behind the newest timestamp elements stay, in milliseconds.</summary>
    public long WindowSize { get; }

    /// <summary>Keeps elements newer than (max timestamp - <paramref name="windowSize"/>); evicts before the window function unless <paramref name="doEvictAfter"/>.</summary>
    public static TimeEvictor Of(TimeSpan windowSize, bool doEvictAfter = false) => new(Durations.ToMillis(windowSize), doEvictAfter);

    /// <inheritdoc />
    public override string ToString() => $"TimeEvictor({WindowSize})";

    private protected override void Evict<T>(List<TimestampedValue<T>> elements)
    {
        // As Flink: only the first element is checked for a timestamp; without one, nothing is evicted.
        if (elements.Count == 0 || !elements[0].HasTimestamp)
            return;
        var newest = long.MinValue;
        foreach (var element in elements)
            newest = Math.Max(newest, element.Timestamp);
        var cutoff = newest - WindowSize;
        elements.RemoveAll(element => element.Timestamp <= cutoff);
    }
}

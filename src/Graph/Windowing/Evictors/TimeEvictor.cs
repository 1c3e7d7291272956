namespace ActorStream.Graph.Windowing;

/// <summary>Keeps the elements within <see cref="WindowSize"/> ms of the newest element's timestamp and evicts older ones.</summary>
public sealed class TimeEvictor : Evictor
{
    private TimeEvictor(long windowSize, bool doEvictAfter)
    {
        WindowSize = windowSize;
        DoEvictAfter = doEvictAfter;
    }

    /// <summary>How far behind the newest timestamp elements stay, in milliseconds.</summary>
    public long WindowSize { get; }

    /// <summary>True to evict after the window function, false to evict before it.</summary>
    public bool DoEvictAfter { get; }

    /// <summary>Keeps elements newer than (max timestamp - <paramref name="windowSize"/>); evicts before the window function unless <paramref name="doEvictAfter"/>.</summary>
    public static TimeEvictor Of(TimeSpan windowSize, bool doEvictAfter = false) => new(Durations.ToMillis(windowSize), doEvictAfter);

    /// <inheritdoc />
    public override void EvictBefore<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context)
    {
        if (!DoEvictAfter)
            Evict(elements);
    }

    /// <inheritdoc />
    public override void EvictAfter<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context)
    {
        if (DoEvictAfter)
            Evict(elements);
    }

    /// <inheritdoc />
    public override string ToString() => $"TimeEvictor({WindowSize})";

    private void Evict<T>(List<TimestampedValue<T>> elements)
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

namespace ActorStream.Graph.Windowing;

/// <summary>Keeps the last <see cref="MaxCount"/> elements of a window and evicts the older ones.</summary>
public sealed class CountEvictor : Evictor
{
    private CountEvictor(long maxCount, bool doEvictAfter)
    {
        MaxCount = maxCount;
        DoEvictAfter = doEvictAfter;
    }

    /// <summary>How many elements stay.</summary>
    public long MaxCount { get; }

    /// <summary>True to evict after the window function, false to evict before it.</summary>
    public bool DoEvictAfter { get; }

    /// <summary>Keeps <paramref name="maxCount"/> elements; evicts before the window function unless <paramref name="doEvictAfter"/>.</summary>
    public static CountEvictor Of(long maxCount, bool doEvictAfter = false) => new(maxCount, doEvictAfter);

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
    public override string ToString() => $"CountEvictor({MaxCount})";

    private void Evict<T>(List<TimestampedValue<T>> elements)
    {
        if (elements.Count > MaxCount)
            elements.RemoveRange(0, elements.Count - (int)Math.Max(MaxCount, 0));
    }
}

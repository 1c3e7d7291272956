namespace ActorStream.Graph.Windowing;

/// <summary>Keeps the last <see cref="MaxCount"/> elements of a window and evicts the older ones.</summary>
public sealed class CountEvictor : BeforeOrAfterEvictor
{
    private CountEvictor(long maxCount, bool doEvictAfter)
        : base(doEvictAfter) => MaxCount = maxCount;

    /// <summary>How many elements stay.</summary>
    public long MaxCount { get; }

    /// <summary>Keeps <paramref name="maxCount"/> elements; evicts before the window function unless <paramref name="doEvictAfter"/>.</summary>
    public static CountEvictor Of(long maxCount, bool doEvictAfter = false) => new(maxCount, doEvictAfter);

    /// <inheritdoc />
    public override string ToString() => $"CountEvictor({MaxCount})";

    private protected override void Evict<T>(List<TimestampedValue<T>> elements)
    {
        if (elements.Count > MaxCount)
            elements.RemoveRange(0, elements.Count - (int)Math.Max(MaxCount, 0));
    }
}

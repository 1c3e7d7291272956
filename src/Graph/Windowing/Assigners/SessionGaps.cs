namespace ActorStream.Graph.Windowing;

/// <summary>Reads and checks the gap of a dynamic session window.</summary>
internal static class SessionGaps
{
    /// <summary>The gap <paramref name="extractor"/> gives <paramref name="element"/>, in milliseconds; throws unless positive.</summary>
    public static long Of<T>(Func<T, TimeSpan> extractor, T element)
    {
        var gap = Durations.ToMillis(extractor(element));
        if (gap <= 0)
            throw new ArgumentException($"Dynamic session time gap must satisfy 0 < gap, but the extractor returned {gap} ms for {element}.");
        return gap;
    }
}

namespace ActorStream.Graph.Windowing;

/// <summary>Creates <see cref="DeltaEvictor{T}"/>s.</summary>
public static class DeltaEvictor
{
    /// <summary>
    /// Evicts the elements whose <paramref name="delta"/> to the last element is at least <paramref name="threshold"/>;
    /// before the window function unless <paramref name="doEvictAfter"/>.
    /// </summary>
    public static DeltaEvictor<T> Of<T>(double threshold, Func<T, T, double> delta, bool doEvictAfter = false) =>
        new(threshold, delta ?? throw new ArgumentNullException(nameof(delta)), doEvictAfter);
}

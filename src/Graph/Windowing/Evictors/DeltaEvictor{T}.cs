namespace ActorStream.Graph.Windowing;

/// <summary>
/// Evicts every element whose delta to the window's last element is at least <see cref="Threshold"/>
/// (Flink's DeltaEvictor); created by <see cref="DeltaEvictor.Of{T}"/>.
/// </summary>
public sealed class DeltaEvictor<T> : Evictor
{
    private readonly Func<T, T, double> _delta;

    internal DeltaEvictor(double threshold, Func<T, T, double> delta, bool doEvictAfter)
    {
        Threshold = threshold;
        _delta = delta;
        DoEvictAfter = doEvictAfter;
    }

    /// <summary>Elements with a delta at or above this are evicted.</summary>
    public double Threshold { get; }

    /// <summary>True to evict after the window function, false to evict before it.</summary>
    public bool DoEvictAfter { get; }

    /// <inheritdoc />
    public override void EvictBefore<TElement>(List<TimestampedValue<TElement>> elements, Window window, IEvictorContext context)
    {
        if (!DoEvictAfter)
            Evict(Typed(elements));
    }

    /// <inheritdoc />
    public override void EvictAfter<TElement>(List<TimestampedValue<TElement>> elements, Window window, IEvictorContext context)
    {
        if (DoEvictAfter)
            Evict(Typed(elements));
    }

    /// <inheritdoc />
    public override string ToString() => $"DeltaEvictor({Threshold})";

    /// <summary>Checks the element type where the evictor is attached to a stream, not when a window first fires.</summary>
    internal override Evictor<TElement, W> For<TElement, W>()
    {
        if (typeof(TElement) != typeof(T))
            throw new ArgumentException($"A DeltaEvictor over {typeof(T).Name} cannot evict elements of type {typeof(TElement).Name}.");
        return base.For<TElement, W>();
    }

    private static List<TimestampedValue<T>> Typed<TElement>(List<TimestampedValue<TElement>> elements) =>
        elements as List<TimestampedValue<T>> ?? throw new ArgumentException(
            $"A DeltaEvictor over {typeof(T).Name} cannot evict elements of type {typeof(TElement).Name}.");

    private void Evict(List<TimestampedValue<T>> elements)
    {
        if (elements.Count == 0)
            return;
        var last = elements[^1].Value;
        elements.RemoveAll(element => _delta(element.Value, last) >= Threshold);
    }
}

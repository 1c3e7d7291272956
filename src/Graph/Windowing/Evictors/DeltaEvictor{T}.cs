namespace ActorStream.Graph.Windowing;

/// <summary>
/// Evicts every element whose delta to the window's last element is at least <see cref="Threshold"/>
/// (Flink's DeltaEvictor); created by <see cref="DeltaEvictor.Of{T}"/>.
/// </summary>
public sealed class DeltaEvictor<T> : BeforeOrAfterEvictor
{
    private readonly Func<T, T, double> _delta;

    internal DeltaEvictor(double threshold, Func<T, T, double> delta, bool doEvictAfter)
        : base(doEvictAfter)
    {
        Threshold = threshold;
        _delta = delta;
    }

    /// <summary>Elements with a delta at or above this are evicted.</summary>
    public double Threshold { get; }

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

    private protected override void Evict<TElement>(List<TimestampedValue<TElement>> elements)
    {
        var typed = Typed(elements);
        if (typed.Count == 0)
            return;
        var last = typed[^1].Value;
        typed.RemoveAll(element => _delta(element.Value, last) >= Threshold);
    }
}

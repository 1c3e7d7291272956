namespace ActorStream.Graph.Windowing;

/// <summary>An evictor that evicts once per firing, before or after the window function (Flink's doEvictAfter flag).</summary>
public abstract class BeforeOrAfterEvictor : Evictor
{
    private protected BeforeOrAfterEvictor(bool doEvictAfter) => DoEvictAfter = doEvictAfter;

    /// <summary>True to evict after the window function, false to evict before it.</summary>
    public bool DoEvictAfter { get; }

    /// <inheritdoc />
    public sealed override void EvictBefore<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context)
    {
        if (!DoEvictAfter)
            Evict(elements);
    }

    /// <inheritdoc />
    public sealed override void EvictAfter<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context)
    {
        if (DoEvictAfter)
            Evict(elements);
    }

    /// <summary>Removes the elements this evictor does not keep.</summary>
    private protected abstract void Evict<T>(List<TimestampedValue<T>> elements);
}

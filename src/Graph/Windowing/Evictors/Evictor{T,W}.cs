namespace ActorStream.Graph.Windowing;

/// <summary>
/// Removes elements from a window after its trigger fired, before and/or after the window function runs
/// (Flink's Evictor). A window with an evictor keeps all its elements: incremental aggregation is not possible.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
public abstract class Evictor<T, W> where W : Window
{
    /// <summary>Removes elements from <paramref name="elements"/> (in arrival order) before the window function sees them.</summary>
    public abstract void EvictBefore(List<TimestampedValue<T>> elements, W window, IEvictorContext context);

    /// <summary>Removes elements from <paramref name="elements"/> after the window function ran; the rest stay in the window.</summary>
    public abstract void EvictAfter(List<TimestampedValue<T>> elements, W window, IEvictorContext context);

    /// <summary>Uses a built-in evictor (CountEvictor, TimeEvictor, DeltaEvictor) for these types.</summary>
    public static implicit operator Evictor<T, W>(Evictor evictor)
    {
        ArgumentNullException.ThrowIfNull(evictor);
        return evictor.For<T, W>();
    }
}

namespace ActorStream.Graph.Windowing;

/// <summary>
/// An evictor that works with any window type and, unless it says otherwise, any element type, like Flink's
/// built-in evictors. It converts implicitly to <see cref="Evictor{T,W}"/>, so <c>.Evictor(CountEvictor.Of(2))</c>
/// needs no type arguments.
/// </summary>
public abstract class Evictor
{
    /// <summary>Removes elements before the window function sees them.</summary>
    public abstract void EvictBefore<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context);

    /// <summary>Removes elements after the window function ran.</summary>
    public abstract void EvictAfter<T>(List<TimestampedValue<T>> elements, Window window, IEvictorContext context);

    /// <summary>This evictor for elements of type <typeparamref name="T"/> in windows of type <typeparamref name="W"/>.</summary>
    internal virtual Evictor<T, W> For<T, W>() where W : Window => new AnyElementEvictor<T, W>(this);
}

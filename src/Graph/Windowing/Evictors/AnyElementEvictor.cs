namespace ActorStream.Graph.Windowing;

/// <summary>Runs a built-in <see cref="Evictor"/> where an <see cref="Evictor{T,W}"/> is expected.</summary>
internal sealed class AnyElementEvictor<T, W>(Evictor evictor) : Evictor<T, W> where W : Window
{
    public override void EvictBefore(List<TimestampedValue<T>> elements, W window, IEvictorContext context) =>
        evictor.EvictBefore(elements, window, context);

    public override void EvictAfter(List<TimestampedValue<T>> elements, W window, IEvictorContext context) =>
        evictor.EvictAfter(elements, window, context);

    public override string ToString() => evictor.ToString() ?? base.ToString()!;
}

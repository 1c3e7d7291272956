namespace ActorStream.Graph.Windowing;

/// <summary>Runs an element-agnostic assigner where a <see cref="WindowAssigner{T,W}"/> is expected.</summary>
internal sealed class AnyElementWindowAssigner<T, W>(WindowAssigner<W> assigner) : WindowAssigner<T, W> where W : Window
{
    /// <summary>The element-agnostic assigner inside.</summary>
    public WindowAssigner<W> Inner => assigner;

    public override IReadOnlyList<W> AssignWindows(T element, long timestamp, IWindowAssignerContext context) =>
        assigner.AssignWindows(timestamp, context);

    internal override void AssignWindows(T element, long timestamp, IWindowAssignerContext context, AssignedWindows<W> windows) =>
        assigner.AssignWindows(timestamp, context, windows);

    public override Trigger<T, W> GetDefaultTrigger() => assigner.DefaultTrigger;

    public override bool IsEventTime => assigner.IsEventTime;

    public override string ToString() => assigner.ToString() ?? base.ToString()!;
}

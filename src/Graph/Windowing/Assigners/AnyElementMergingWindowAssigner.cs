namespace ActorStream.Graph.Windowing;

/// <summary>Runs an element-agnostic merging assigner where a <see cref="MergingWindowAssigner{T,W}"/> is expected.</summary>
internal sealed class AnyElementMergingWindowAssigner<T, W>(MergingWindowAssigner<W> assigner)
    : MergingWindowAssigner<T, W> where W : Window
{
    public override IReadOnlyList<W> AssignWindows(T element, long timestamp, IWindowAssignerContext context) =>
        assigner.AssignWindows(timestamp, context);

    internal override void AssignWindows(T element, long timestamp, IWindowAssignerContext context, AssignedWindows<W> windows) =>
        assigner.AssignWindows(timestamp, context, windows);

    internal override bool MergesTimeWindowsThatIntersect => assigner.MergesTimeWindowsThatIntersect;

    public override Trigger<T, W> GetDefaultTrigger() => assigner.DefaultTrigger;

    public override bool IsEventTime => assigner.IsEventTime;

    public override void MergeWindows(IReadOnlyCollection<W> windows, MergeCallback<W> callback) =>
        assigner.MergeWindows(windows, callback);

    public override string ToString() => assigner.ToString() ?? base.ToString()!;
}

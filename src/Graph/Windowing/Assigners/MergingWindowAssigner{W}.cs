namespace ActorStream.Graph.Windowing;

/// <summary>An element-agnostic assigner whose windows can merge (sessions with a fixed gap).</summary>
public abstract class MergingWindowAssigner<W> : WindowAssigner<W> where W : Window
{
    /// <summary>Finds the windows among <paramref name="windows"/> that merge and reports each group to <paramref name="callback"/>.</summary>
    public abstract void MergeWindows(IReadOnlyCollection<W> windows, MergeCallback<W> callback);

    /// <inheritdoc />
    public override WindowAssigner<T, W> For<T>() => new AnyElementMergingWindowAssigner<T, W>(this);
}

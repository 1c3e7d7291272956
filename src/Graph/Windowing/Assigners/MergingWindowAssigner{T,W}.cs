namespace ActorStream.Graph.Windowing;

/// <summary>An assigner whose windows can merge (sessions), for assigners that read element values.</summary>
public abstract class MergingWindowAssigner<T, W> : WindowAssigner<T, W> where W : Window
{
    /// <summary>Finds the windows among <paramref name="windows"/> that merge and reports each group to <paramref name="callback"/>.</summary>
    public abstract void MergeWindows(IReadOnlyCollection<W> windows, MergeCallback<W> callback);
}

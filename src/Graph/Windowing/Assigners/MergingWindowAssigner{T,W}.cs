namespace ActorStream.Graph.Windowing;

/// <summary>An assigner whose windows can merge (sessions), for assigners that read element values.</summary>
public abstract class MergingWindowAssigner<T, W> : WindowAssigner<T, W> where W : Window
{
    /// <summary>Finds the windows among <paramref name="windows"/> that merge and reports each group to <paramref name="callback"/>.</summary>
    public abstract void MergeWindows(IReadOnlyCollection<W> windows, MergeCallback<W> callback);

    /// <summary>
    /// True when <see cref="MergeWindows"/> is <see cref="TimeWindow.MergeWindows"/> (windows that overlap or touch merge
    /// into their cover), so that the operator may merge without calling it; false for user-written assigners.
    /// </summary>
    internal virtual bool MergesTimeWindowsThatIntersect => false;
}

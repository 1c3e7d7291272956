namespace ActorStream.Graph.Windowing;

/// <summary>
/// Assigns each element to zero or more windows (Flink's WindowAssigner). Derive from this for an assigner
/// that reads element values; element-agnostic assigners derive from <see cref="WindowAssigner{W}"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
public abstract class WindowAssigner<T, W> where W : Window
{
    /// <summary>The windows <paramref name="element"/> with <paramref name="timestamp"/> belongs to.</summary>
    public abstract IReadOnlyList<W> AssignWindows(T element, long timestamp, IWindowAssignerContext context);

    /// <summary>The trigger used unless the windowed stream sets another.</summary>
    public abstract Trigger<T, W> GetDefaultTrigger();

    /// <summary>True when windows are in event time: lateness and cleanup then follow the watermark.</summary>
    public abstract bool IsEventTime { get; }
}

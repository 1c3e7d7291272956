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

    /// <summary>
    /// Puts the windows of <paramref name="element"/> into <paramref name="windows"/>, the operator's reused buffer. The
    /// built-in assigners override this to allocate nothing when the element falls into the windows already held; a
    /// user-written assigner is called through its <see cref="AssignWindows(T,long,IWindowAssignerContext)"/>.
    /// </summary>
    internal virtual void AssignWindows(T element, long timestamp, IWindowAssignerContext context, AssignedWindows<W> windows) =>
        windows.CopyFrom(AssignWindows(element, timestamp, context));

    /// <summary>The trigger used unless the windowed stream sets another.</summary>
    public abstract Trigger<T, W> GetDefaultTrigger();

    /// <summary>True when windows are in event time: lateness and cleanup then follow the watermark.</summary>
    public abstract bool IsEventTime { get; }
}

namespace ActorStream.Graph.Windowing;

/// <summary>
/// An assigner that ignores element values, like Flink's built-in time and global assigners (declared there as
/// WindowAssigner&lt;Object, W&gt;). <c>KeyedStream.Window</c> accepts it for any element type.
/// </summary>
/// <typeparam name="W">The window type.</typeparam>
public abstract class WindowAssigner<W> where W : Window
{
    /// <summary>The windows an element with <paramref name="timestamp"/> belongs to.</summary>
    public abstract IReadOnlyList<W> AssignWindows(long timestamp, IWindowAssignerContext context);

    /// <summary>
    /// Puts the windows of an element with <paramref name="timestamp"/> into <paramref name="windows"/>, the operator's
    /// reused buffer: see <see cref="WindowAssigner{T,W}"/>'s overload.
    /// </summary>
    internal virtual void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<W> windows) =>
        windows.CopyFrom(AssignWindows(timestamp, context));

    /// <summary>The trigger used unless the windowed stream sets another.</summary>
    public abstract Trigger DefaultTrigger { get; }

    /// <summary>True when windows are in event time: lateness and cleanup then follow the watermark.</summary>
    public abstract bool IsEventTime { get; }

    /// <summary>This assigner for elements of type <typeparamref name="T"/>.</summary>
    public virtual WindowAssigner<T, W> For<T>() => new AnyElementWindowAssigner<T, W>(this);
}

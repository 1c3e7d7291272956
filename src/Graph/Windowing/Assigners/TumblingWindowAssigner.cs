namespace ActorStream.Graph.Windowing;

/// <summary>What tumbling assigners of both time domains share: size, offset, stagger and their validation.</summary>
public abstract class TumblingWindowAssigner : WindowAssigner<TimeWindow>
{
    private protected TumblingWindowAssigner(long size, long offset, WindowStagger stagger)
    {
        if (size <= 0 || Math.Abs(offset) >= size)
            throw new ArgumentException($"{GetType().Name} parameters must satisfy abs(offset) < size.");
        if (!Enum.IsDefined(stagger))
            throw new ArgumentOutOfRangeException(nameof(stagger), stagger, "Unknown window stagger.");
        Size = size;
        Offset = offset;
        Stagger = stagger;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>The offset of window starts from the epoch, in milliseconds.</summary>
    public long Offset { get; }

    /// <summary>How the subtasks shift their window starts against each other.</summary>
    public WindowStagger Stagger { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        var windows = new AssignedWindows<TimeWindow>();
        AssignWindows(timestamp, context, windows);
        return windows.ToArray();
    }

    /// <summary>Holds the window of <paramref name="time"/>, shifted by the offset and this subtask's stagger.</summary>
    private protected void WindowOf(long time, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows)
    {
        var stagger = Stagger == WindowStagger.Aligned ? 0 : context.GetStaggerOffset(Stagger, Size);
        var start = TimeWindow.GetWindowStartWithOffset(time, (Offset + stagger) % Size, Size);
        windows.SetSingle(start, start + Size);
    }

    /// <inheritdoc />
    public override string ToString() => Stagger == WindowStagger.Aligned ? $"{GetType().Name}({Size})" : $"{GetType().Name}({Size}, {Stagger})";
}

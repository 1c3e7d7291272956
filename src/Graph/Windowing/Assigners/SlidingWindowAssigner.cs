namespace ActorStream.Graph.Windowing;

/// <summary>What sliding assigners of both time domains share: size, slide, offset and their validation.</summary>
public abstract class SlidingWindowAssigner : WindowAssigner<TimeWindow>
{
    private protected SlidingWindowAssigner(long size, long slide, long offset)
    {
        if (Math.Abs(offset) >= slide || size <= 0)
            throw new ArgumentException($"{GetType().Name} parameters must satisfy abs(offset) < slide and size > 0.");
        Size = size;
        Slide = slide;
        Offset = offset;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>The distance between window starts in milliseconds.</summary>
    public long Slide { get; }

    /// <summary>The offset of window starts from the epoch, in milliseconds.</summary>
    public long Offset { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        var windows = new AssignedWindows<TimeWindow>();
        AssignWindows(timestamp, context, windows);
        return windows.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({Size}, {Slide})";
}

namespace ActorStream.Graph.Windowing;

/// <summary>Event-time windows of a fixed size that start every slide, so that they overlap when slide &lt; size.</summary>
public sealed class SlidingEventTimeWindows : WindowAssigner<TimeWindow>
{
    private SlidingEventTimeWindows(long size, long slide, long offset)
    {
        if (Math.Abs(offset) >= slide || size <= 0)
            throw new ArgumentException("SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0.");
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

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), 0);

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>, shifted by <paramref name="offset"/>.</summary>
    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), Durations.ToMillis(offset));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        EventTimeAssigners.RequireTimestamp(timestamp, nameof(SlidingEventTimeWindows));
        return SlidingWindows.Assign(timestamp, Size, Slide, Offset);
    }

    /// <inheritdoc />
    public override Trigger DefaultTrigger => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;

    /// <inheritdoc />
    public override string ToString() => $"SlidingEventTimeWindows({Size}, {Slide})";
}

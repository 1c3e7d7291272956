namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time windows of a fixed size that start every slide.</summary>
public sealed class SlidingProcessingTimeWindows : WindowAssigner<TimeWindow>
{
    private SlidingProcessingTimeWindows(long size, long slide, long offset)
    {
        if (Math.Abs(offset) >= slide || size <= 0)
            throw new ArgumentException("SlidingProcessingTimeWindows parameters must satisfy abs(offset) < slide and size > 0.");
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

    /// <summary>Processing-time windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingProcessingTimeWindows Of(TimeSpan size, TimeSpan slide) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), 0);

    /// <summary>Processing-time windows of <paramref name="size"/> starting every <paramref name="slide"/>, shifted by <paramref name="offset"/>.</summary>
    public static SlidingProcessingTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), Durations.ToMillis(offset));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context) =>
        SlidingWindows.Assign(context.CurrentProcessingTime, Size, Slide, Offset);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override string ToString() => $"SlidingProcessingTimeWindows({Size}, {Slide})";
}

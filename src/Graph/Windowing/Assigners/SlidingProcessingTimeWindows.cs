namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time windows of a fixed size that start every slide.</summary>
public sealed class SlidingProcessingTimeWindows : SlidingWindowAssigner
{
    private SlidingProcessingTimeWindows(long size, long slide, long offset)
        : base(size, slide, offset)
    {
    }

    /// <summary>Processing-time windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingProcessingTimeWindows Of(TimeSpan size, TimeSpan slide) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), 0);

    /// <summary>Processing-time windows of <paramref name="size"/> starting every <paramref name="slide"/>, shifted by <paramref name="offset"/>.</summary>
    public static SlidingProcessingTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), Durations.ToMillis(offset));

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows) =>
        SlidingWindows.Assign(windows, context.CurrentProcessingTime, Size, Slide, Offset);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;
}

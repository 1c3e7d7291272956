namespace ActorStream.Graph.Windowing;

/// <summary>Event-time windows of a fixed size that start every slide, so that they overlap when slide &lt; size.</summary>
public sealed class SlidingEventTimeWindows : SlidingWindowAssigner
{
    private SlidingEventTimeWindows(long size, long slide, long offset)
        : base(size, slide, offset)
    {
    }

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), 0);

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>, shifted by <paramref name="offset"/>.</summary>
    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(slide), Durations.ToMillis(offset));

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows)
    {
        EventTimeAssigners.RequireTimestamp(timestamp, nameof(SlidingEventTimeWindows));
        SlidingWindows.Assign(windows, timestamp, Size, Slide, Offset);
    }

    /// <inheritdoc />
    public override Trigger DefaultTrigger => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;
}

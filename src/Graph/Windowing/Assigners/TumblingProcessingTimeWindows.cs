namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time windows of a fixed size that do not overlap; an element goes to the window of the time it arrives.</summary>
public sealed class TumblingProcessingTimeWindows : TumblingWindowAssigner
{
    private TumblingProcessingTimeWindows(long size, long offset)
        : base(size, offset)
    {
    }

    /// <summary>Tumbling processing-time windows of <paramref name="size"/>.</summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size) => new(Durations.ToMillis(size), 0);

    /// <summary>Tumbling processing-time windows of <paramref name="size"/> shifted by <paramref name="offset"/>.</summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(offset));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        var now = context.CurrentProcessingTime;
        var start = TimeWindow.GetWindowStartWithOffset(now, Offset % Size, Size);
        return [new TimeWindow(start, start + Size)];
    }

    /// <inheritdoc />
    public override Trigger DefaultTrigger => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;
}

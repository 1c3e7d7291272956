namespace ActorStream.Graph.Windowing;

/// <summary>Event-time windows of a fixed size that do not overlap, aligned to the epoch plus an optional offset.</summary>
public sealed class TumblingEventTimeWindows : TumblingWindowAssigner
{
    private TumblingEventTimeWindows(long size, long offset)
        : base(size, offset)
    {
    }

    /// <summary>Tumbling windows of <paramref name="size"/>, e.g. one per hour at :00.</summary>
    public static TumblingEventTimeWindows Of(TimeSpan size) => new(Durations.ToMillis(size), 0);

    /// <summary>Tumbling windows of <paramref name="size"/> starting at epoch + <paramref name="offset"/> + k·size (e.g. hours at :15).</summary>
    public static TumblingEventTimeWindows Of(TimeSpan size, TimeSpan offset) => new(Durations.ToMillis(size), Durations.ToMillis(offset));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        EventTimeAssigners.RequireTimestamp(timestamp, nameof(TumblingEventTimeWindows));
        var start = TimeWindow.GetWindowStartWithOffset(timestamp, Offset % Size, Size);
        return [new TimeWindow(start, start + Size)];
    }

    /// <inheritdoc />
    public override Trigger DefaultTrigger => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;
}

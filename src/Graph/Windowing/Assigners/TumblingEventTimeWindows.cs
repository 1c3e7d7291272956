namespace ActorStream.Graph.Windowing;

/// <summary>Event-time windows of a fixed size that do not overlap, aligned to the epoch plus an optional offset.</summary>
public sealed class TumblingEventTimeWindows : WindowAssigner<TimeWindow>
{
    private TumblingEventTimeWindows(long size, long offset)
    {
        if (Math.Abs(offset) >= size)
            throw new ArgumentException("TumblingEventTimeWindows parameters must satisfy abs(offset) < size.");
        Size = size;
        Offset = offset;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>The offset of window starts from the epoch, in milliseconds.</summary>
    public long Offset { get; }

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

    /// <inheritdoc />
    public override string ToString() => $"TumblingEventTimeWindows({Size})";
}

namespace ActorStream.Graph.Windowing;

/// <summary>Event-time windows of a fixed size that do not overlap, aligned to the epoch plus an optional offset.</summary>
public sealed class TumblingEventTimeWindows : TumblingWindowAssigner
{
    private TumblingEventTimeWindows(long size, long offset, WindowStagger stagger)
        : base(size, offset, stagger)
    {
    }

    /// <summary>Tumbling windows of <paramref name="size"/>, e.g. one per hour at :00.</summary>
    public static TumblingEventTimeWindows Of(TimeSpan size) => new(Durations.ToMillis(size), 0, WindowStagger.Aligned);

    /// <summary>Tumbling windows of <paramref name="size"/> starting at epoch + <paramref name="offset"/> + k·size (e.g. hours at :15).</summary>
    public static TumblingEventTimeWindows Of(TimeSpan size, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(offset), WindowStagger.Aligned);

    /// <summary>
    /// Tumbling windows shifted by <paramref name="offset"/> plus a per-subtask <paramref name="stagger"/>, so that the
    /// subtasks' windows do not all fire at the same watermark (Flink's TumblingEventTimeWindows.of(size, offset, stagger)).
    /// </summary>
    public static TumblingEventTimeWindows Of(TimeSpan size, TimeSpan offset, WindowStagger stagger) =>
        new(Durations.ToMillis(size), Durations.ToMillis(offset), stagger);

    /// <inheritdoc />
    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows)
    {
        EventTimeAssigners.RequireTimestamp(timestamp, nameof(TumblingEventTimeWindows));
        WindowOf(timestamp, context, windows);
    }

    /// <inheritdoc />
    public override Trigger DefaultTrigger => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;
}

namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time windows of a fixed size that do not overlap; an element goes to the window of the time it arrives.</summary>
public sealed class TumblingProcessingTimeWindows : TumblingWindowAssigner
{
    private TumblingProcessingTimeWindows(long size, long offset, WindowStagger stagger)
        : base(size, offset, stagger)
    {
    }

    /// <summary>Tumbling processing-time windows of <paramref name="size"/>.</summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size) => new(Durations.ToMillis(size), 0, WindowStagger.Aligned);

    /// <summary>Tumbling processing-time windows of <paramref name="size"/> shifted by <paramref name="offset"/>.</summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size, TimeSpan offset) =>
        new(Durations.ToMillis(size), Durations.ToMillis(offset), WindowStagger.Aligned);

    /// <summary>
    /// Tumbling processing-time windows of <paramref name="size"/> shifted by <paramref name="offset"/> plus a
    /// per-subtask <paramref name="stagger"/> (Flink's TumblingProcessingTimeWindows.of(size, offset, stagger)).
    /// </summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size, TimeSpan offset, WindowStagger stagger) =>
        new(Durations.ToMillis(size), Durations.ToMillis(offset), stagger);

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows) =>
        WindowOf(context.CurrentProcessingTime, context, windows);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;
}

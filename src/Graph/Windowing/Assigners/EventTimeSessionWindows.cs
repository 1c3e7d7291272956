namespace ActorStream.Graph.Windowing;

/// <summary>Event-time sessions: an element opens the window [timestamp, timestamp + gap) and windows that touch merge.</summary>
public sealed class EventTimeSessionWindows : MergingWindowAssigner<TimeWindow>
{
    private EventTimeSessionWindows(long gap)
    {
        if (gap <= 0)
            throw new ArgumentException("EventTimeSessionWindows parameters must satisfy 0 < size.");
        Gap = gap;
    }

    /// <summary>The session gap in milliseconds.</summary>
    public long Gap { get; }

    /// <summary>Sessions that close after <paramref name="gap"/> without elements.</summary>
    public static EventTimeSessionWindows WithGap(TimeSpan gap) => new(Durations.ToMillis(gap));

    /// <summary>Sessions whose gap <paramref name="gapExtractor"/> reads from each element.</summary>
    public static DynamicEventTimeSessionWindows<T> WithDynamicGap<T>(Func<T, TimeSpan> gapExtractor) =>
        new(gapExtractor ?? throw new ArgumentNullException(nameof(gapExtractor)));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context) =>
        [new TimeWindow(timestamp, timestamp + Gap)];

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows) =>
        windows.SetSingle(timestamp, timestamp + Gap);

    internal override bool MergesTimeWindowsThatIntersect => true;

    /// <inheritdoc />
    public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback) =>
        TimeWindow.MergeWindows(windows, callback);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;

    /// <inheritdoc />
    public override string ToString() => $"EventTimeSessionWindows({Gap})";
}

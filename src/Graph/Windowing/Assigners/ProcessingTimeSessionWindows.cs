namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time sessions: an element opens [now, now + gap) and windows that touch merge.</summary>
public sealed class ProcessingTimeSessionWindows : MergingWindowAssigner<TimeWindow>
{
    private ProcessingTimeSessionWindows(long gap)
    {
        if (gap <= 0)
            throw new ArgumentException("ProcessingTimeSessionWindows parameters must satisfy 0 < size.");
        Gap = gap;
    }

    /// <summary>The session gap in milliseconds.</summary>
    public long Gap { get; }

    /// <summary>Sessions that close after <paramref name="gap"/> of processing time without elements.</summary>
    public static ProcessingTimeSessionWindows WithGap(TimeSpan gap) => new(Durations.ToMillis(gap));

    /// <summary>Processing-time sessions whose gap <paramref name="gapExtractor"/> reads from each element.</summary>
    public static DynamicProcessingTimeSessionWindows<T> WithDynamicGap<T>(Func<T, TimeSpan> gapExtractor) =>
        new(gapExtractor ?? throw new ArgumentNullException(nameof(gapExtractor)));

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(long timestamp, IWindowAssignerContext context)
    {
        var now = context.CurrentProcessingTime;
        return [new TimeWindow(now, now + Gap)];
    }

    internal override void AssignWindows(long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows)
    {
        var now = context.CurrentProcessingTime;
        windows.SetSingle(now, now + Gap);
    }

    internal override bool MergesTimeWindowsThatIntersect => true;

    /// <inheritdoc />
    public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback) =>
        TimeWindow.MergeWindows(windows, callback);

    /// <inheritdoc />
    public override Trigger DefaultTrigger => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override string ToString() => $"ProcessingTimeSessionWindows({Gap})";
}

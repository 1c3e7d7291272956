namespace ActorStream.Graph.Windowing;

/// <summary>Event-time sessions whose gap each element sets: the element opens [timestamp, timestamp + gap(element)).</summary>
public sealed class DynamicEventTimeSessionWindows<T> : MergingWindowAssigner<T, TimeWindow>
{
    private readonly Func<T, TimeSpan> _gapExtractor;

    internal DynamicEventTimeSessionWindows(Func<T, TimeSpan> gapExtractor) => _gapExtractor = gapExtractor;

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(T element, long timestamp, IWindowAssignerContext context)
    {
        var gap = SessionGaps.Of(_gapExtractor, element);
        return [new TimeWindow(timestamp, timestamp + gap)];
    }

    internal override void AssignWindows(T element, long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows) =>
        windows.SetSingle(timestamp, timestamp + SessionGaps.Of(_gapExtractor, element));

    internal override bool MergesTimeWindowsThatIntersect => true;

    /// <inheritdoc />
    public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback) =>
        TimeWindow.MergeWindows(windows, callback);

    /// <inheritdoc />
    public override Trigger<T, TimeWindow> GetDefaultTrigger() => EventTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => true;

    /// <inheritdoc />
    public override string ToString() => "DynamicEventTimeSessionWindows()";
}

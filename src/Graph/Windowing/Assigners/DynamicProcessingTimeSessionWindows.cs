namespace ActorStream.Graph.Windowing;

/// <summary>Processing-time sessions whose gap each element sets: the element opens [now, now + gap(element)).</summary>
public sealed class DynamicProcessingTimeSessionWindows<T> : MergingWindowAssigner<T, TimeWindow>
{
    private readonly Func<T, TimeSpan> _gapExtractor;

    internal DynamicProcessingTimeSessionWindows(Func<T, TimeSpan> gapExtractor) => _gapExtractor = gapExtractor;

    /// <inheritdoc />
    public override IReadOnlyList<TimeWindow> AssignWindows(T element, long timestamp, IWindowAssignerContext context)
    {
        var now = context.CurrentProcessingTime;
        return [new TimeWindow(now, now + SessionGaps.Of(_gapExtractor, element))];
    }

    internal override void AssignWindows(T element, long timestamp, IWindowAssignerContext context, AssignedWindows<TimeWindow> windows)
    {
        var now = context.CurrentProcessingTime;
        windows.SetSingle(now, now + SessionGaps.Of(_gapExtractor, element));
    }

    internal override bool MergesTimeWindowsThatIntersect => true;

    /// <inheritdoc />
    public override void MergeWindows(IReadOnlyCollection<TimeWindow> windows, MergeCallback<TimeWindow> callback) =>
        TimeWindow.MergeWindows(windows, callback);

    /// <inheritdoc />
    public override Trigger<T, TimeWindow> GetDefaultTrigger() => ProcessingTimeTrigger.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override string ToString() => "DynamicProcessingTimeSessionWindows()";
}

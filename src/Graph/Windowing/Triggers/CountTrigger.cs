namespace ActorStream.Graph.Windowing;

/// <summary>Fires each time the window has received <see cref="MaxCount"/> more elements.</summary>
public sealed class CountTrigger : Trigger
{
    private readonly ReducingStateDescriptor<long> _count = new("count", (a, b) => a + b);

    private CountTrigger(long maxCount) => MaxCount = maxCount;

    /// <summary>The number of elements after which the trigger fires.</summary>
    public long MaxCount { get; }

    /// <summary>A trigger that fires every <paramref name="maxCount"/> elements.</summary>
    public static CountTrigger Of(long maxCount) => new(maxCount);

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        var count = context.GetPartitionedState(_count);
        count.Add(1);
        if (count.Get() < MaxCount)
            return TriggerResult.Continue;
        count.Clear();
        return TriggerResult.Fire;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context) => context.GetPartitionedState(_count).Clear();

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context) => context.MergePartitionedState(_count);

    /// <inheritdoc />
    public override string ToString() => $"CountTrigger({MaxCount})";
}

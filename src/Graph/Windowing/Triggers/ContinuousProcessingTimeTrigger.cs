namespace ActorStream.Graph.Windowing;

/// <summary>
/// Fires every <see cref="Interval"/> of processing time while the window holds elements, at interval boundaries
/// (the last one capped at the window's max timestamp), like Flink's ContinuousProcessingTimeTrigger.
/// </summary>
public sealed class ContinuousProcessingTimeTrigger : Trigger
{
    // Nullable like Flink's Long, so that "no fire time yet" differs from a fire time of 0. When windows
    // merge, the earliest pending fire time wins.
    private readonly ReducingStateDescriptor<long?> _fireTime = new("fire-time", (a, b) => Math.Min(a!.Value, b!.Value));

    private ContinuousProcessingTimeTrigger(long interval) => Interval = interval;

    /// <summary>The firing interval in milliseconds.</summary>
    public long Interval { get; }

    /// <summary>A trigger that fires every <paramref name="interval"/> of processing time.</summary>
    public static ContinuousProcessingTimeTrigger Of(TimeSpan interval)
    {
        var millis = Durations.ToMillis(interval);
        if (millis <= 0)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be at least 1 ms.");
        return new ContinuousProcessingTimeTrigger(millis);
    }

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() is null)
        {
            var now = context.CurrentProcessingTime;
            RegisterNextFireTimestamp(now - now % Interval, window, context, fireTime);
        }
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context)
    {
        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() != time)
            return TriggerResult.Continue;
        fireTime.Clear();
        RegisterNextFireTimestamp(time, window, context, fireTime);
        return TriggerResult.Fire;
    }

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context)
    {
        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() is not { } pending)
            return;
        context.DeleteProcessingTimeTimer(pending);
        fireTime.Clear();
    }

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context)
    {
        context.MergePartitionedState(_fireTime);
        if (context.GetPartitionedState(_fireTime).Get() is { } next)
            context.RegisterProcessingTimeTimer(next);
    }

    /// <inheritdoc />
    public override string ToString() => $"ContinuousProcessingTimeTrigger({Interval})";

    private void RegisterNextFireTimestamp(long time, Window window, ITriggerContext context, IReducingState<long?> fireTime)
    {
        // Saturating: the global window's max timestamp is long.MaxValue.
        var next = time > window.MaxTimestamp - Interval ? window.MaxTimestamp : time + Interval;
        fireTime.Add(next);
        context.RegisterProcessingTimeTimer(next);
    }
}

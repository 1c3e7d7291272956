namespace ActorStream.Graph.Windowing;

/// <summary>
/// Fires every <see cref="Interval"/> of event time while the window is open (at interval boundaries, the
/// last one capped at the window's end), and at the window's end like <see cref="EventTimeTrigger"/>.
/// </summary>
public sealed class ContinuousEventTimeTrigger : Trigger
{
    // Nullable like Flink's Long, so that "no fire time yet" differs from a fire time of 0. When windows
    // merge, the earliest pending fire time wins.
    private readonly ReducingStateDescriptor<long?> _fireTime = new("fire-time", (a, b) => Math.Min(a!.Value, b!.Value));

    private ContinuousEventTimeTrigger(long interval) => Interval = interval;

    /// <summary>The firing interval in milliseconds.</summary>
    public long Interval { get; }

    /// <summary>A trigger that fires every <paramref name="interval"/> of event time.</summary>
    public static ContinuousEventTimeTrigger Of(TimeSpan interval)
    {
        var millis = Durations.ToMillis(interval);
        if (millis <= 0)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be at least 1 ms.");
        return new ContinuousEventTimeTrigger(millis);
    }

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        if (window.MaxTimestamp <= context.CurrentWatermark)
            return TriggerResult.Fire;
        context.RegisterEventTimeTimer(window.MaxTimestamp);

        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() is null)
            RegisterNextFireTimestamp(timestamp - timestamp % Interval, window, context, fireTime);
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context)
    {
        if (time == window.MaxTimestamp)
            return TriggerResult.Fire;
        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() != time)
            return TriggerResult.Continue;
        fireTime.Clear();
        RegisterNextFireTimestamp(time, window, context, fireTime);
        return TriggerResult.Fire;
    }

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context)
    {
        var fireTime = context.GetPartitionedState(_fireTime);
        if (fireTime.Get() is not { } pending)
            return;
        context.DeleteEventTimeTimer(pending);
        fireTime.Clear();
    }

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context)
    {
        context.MergePartitionedState(_fireTime);
        if (context.GetPartitionedState(_fireTime).Get() is { } next)
            context.RegisterEventTimeTimer(next);
    }

    /// <inheritdoc />
    public override string ToString() => $"ContinuousEventTimeTrigger({Interval})";

    private void RegisterNextFireTimestamp(long time, Window window, ITriggerContext context, IReducingState<long?> fireTime)
    {
        var next = Math.Min(time + Interval, window.MaxTimestamp);
        fireTime.Add(next);
        context.RegisterEventTimeTimer(next);
    }
}

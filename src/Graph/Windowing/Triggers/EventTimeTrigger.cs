namespace ActorStream.Graph.Windowing;

/// <summary>
/// Fires once the watermark passes the window's end, and again for every element that arrives after that
/// (within the allowed lateness). The default trigger of event-time assigners.
/// </summary>
public sealed class EventTimeTrigger : Trigger
{
    private EventTimeTrigger()
    {
    }

    /// <summary>The event-time trigger.</summary>
    public static EventTimeTrigger Create() => Instance;

    internal static EventTimeTrigger Instance { get; } = new();

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        // The watermark already passed the window (a late element within the allowed lateness): fire at once.
        if (window.MaxTimestamp <= context.CurrentWatermark)
            return TriggerResult.Fire;
        context.RegisterEventTimeTimer(window.MaxTimestamp);
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) =>
        time == window.MaxTimestamp ? TriggerResult.Fire : TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context) => context.DeleteEventTimeTimer(window.MaxTimestamp);

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context)
    {
        // Only register a timer if the watermark has not passed the merged window's end yet: otherwise the
        // timer would fire right away although the window may already have fired.
        if (window.MaxTimestamp > context.CurrentWatermark)
            context.RegisterEventTimeTimer(window.MaxTimestamp);
    }

    /// <inheritdoc />
    public override string ToString() => "EventTimeTrigger()";
}

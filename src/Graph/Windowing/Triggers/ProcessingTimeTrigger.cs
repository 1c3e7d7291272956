namespace ActorStream.Graph.Windowing;

/// <summary>Fires once processing time passes the window's end. The default trigger of processing-time assigners.</summary>
public sealed class ProcessingTimeTrigger : Trigger
{
    private ProcessingTimeTrigger()
    {
    }

    /// <summary>The processing-time trigger.</summary>
    public static ProcessingTimeTrigger Create() => Instance;

    internal static ProcessingTimeTrigger Instance { get; } = new();

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        context.RegisterProcessingTimeTimer(window.MaxTimestamp);
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Fire;

    /// <inheritdoc />
    public override void Clear(Window window, ITriggerContext context) => context.DeleteProcessingTimeTimer(window.MaxTimestamp);

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(Window window, IOnMergeContext context)
    {
        // Processing time already passed the merged window's end: a timer would fire at once, so register none.
        if (window.MaxTimestamp > context.CurrentProcessingTime)
            context.RegisterProcessingTimeTimer(window.MaxTimestamp);
    }

    /// <inheritdoc />
    public override string ToString() => "ProcessingTimeTrigger()";
}

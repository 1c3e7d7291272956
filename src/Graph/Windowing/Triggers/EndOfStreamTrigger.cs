namespace ActorStream.Graph.Windowing;

/// <summary>
/// Fires the global window once, when event time reaches its end: the final watermark a bounded input emits when it
/// ends, in BATCH and STREAMING alike (Flink's GlobalWindows.EndOfStreamTrigger).
/// </summary>
internal sealed class EndOfStreamTrigger : Trigger
{
    public static EndOfStreamTrigger Instance { get; } = new();

    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context)
    {
        context.RegisterEventTimeTimer(window.MaxTimestamp);
        return TriggerResult.Continue;
    }

    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) =>
        time == window.MaxTimestamp ? TriggerResult.Fire : TriggerResult.Continue;

    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    public override void Clear(Window window, ITriggerContext context) => context.DeleteEventTimeTimer(window.MaxTimestamp);

    public override string ToString() => "EndOfStreamTrigger()";
}

namespace ActorStream.Graph.Windowing;

/// <summary>Never fires: the default trigger of <see cref="GlobalWindows"/>, which needs a custom trigger to emit anything.</summary>
internal sealed class NeverTrigger : Trigger
{
    public static NeverTrigger Instance { get; } = new();

    public override TriggerResult OnElement(long timestamp, Window window, ITriggerContext context) => TriggerResult.Continue;

    public override TriggerResult OnEventTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    public override TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context) => TriggerResult.Continue;

    public override void Clear(Window window, ITriggerContext context)
    {
    }

    public override void OnMerge(Window window, IOnMergeContext context)
    {
    }

    public override string ToString() => "NeverTrigger()";
}

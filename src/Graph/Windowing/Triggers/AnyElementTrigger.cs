namespace ActorStream.Graph.Windowing;

/// <summary>Runs an element-agnostic <see cref="Trigger"/> where a <see cref="Trigger{T,W}"/> is expected.</summary>
internal sealed class AnyElementTrigger<T, W>(Trigger trigger) : Trigger<T, W> where W : Window
{
    public override TriggerResult OnElement(T element, long timestamp, W window, ITriggerContext context) =>
        trigger.OnElement(timestamp, window, context);

    public override TriggerResult OnProcessingTime(long time, W window, ITriggerContext context) =>
        trigger.OnProcessingTime(time, window, context);

    public override TriggerResult OnEventTime(long time, W window, ITriggerContext context) =>
        trigger.OnEventTime(time, window, context);

    public override bool CanMerge => trigger.CanMerge;

    public override void OnMerge(W window, IOnMergeContext context) => trigger.OnMerge(window, context);

    public override void Clear(W window, ITriggerContext context) => trigger.Clear(window, context);

    public override string ToString() => trigger.ToString() ?? base.ToString()!;
}

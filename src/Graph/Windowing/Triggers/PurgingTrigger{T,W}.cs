namespace ActorStream.Graph.Windowing;

/// <summary>Turns every FIRE of a typed nested trigger into FIRE_AND_PURGE; created by <see cref="PurgingTrigger.Of{T,W}"/>.</summary>
public sealed class PurgingTrigger<T, W> : Trigger<T, W> where W : Window
{
    internal PurgingTrigger(Trigger<T, W> nested) => Nested = nested;

    /// <summary>The trigger whose firings purge.</summary>
    public Trigger<T, W> Nested { get; }

    /// <inheritdoc />
    public override TriggerResult OnElement(T element, long timestamp, W window, ITriggerContext context) =>
        PurgingTrigger.Purging(Nested.OnElement(element, timestamp, window, context));

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, W window, ITriggerContext context) =>
        PurgingTrigger.Purging(Nested.OnEventTime(time, window, context));

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, W window, ITriggerContext context) =>
        PurgingTrigger.Purging(Nested.OnProcessingTime(time, window, context));

    /// <inheritdoc />
    public override void Clear(W window, ITriggerContext context) => Nested.Clear(window, context);

    /// <inheritdoc />
    public override bool CanMerge => Nested.CanMerge;

    /// <inheritdoc />
    public override void OnMerge(W window, IOnMergeContext context) => Nested.OnMerge(window, context);

    /// <inheritdoc />
    public override string ToString() => $"PurgingTrigger({Nested})";
}

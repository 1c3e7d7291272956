namespace ActorStream.Graph.Windowing;

/// <summary>
/// A trigger that never looks at element values and works with any window type, like Flink's built-in
/// triggers (declared there as Trigger&lt;Object, W&gt;). It converts implicitly to <see cref="Trigger{T,W}"/>,
/// so <c>.Trigger(CountTrigger.Of(3))</c> needs no type arguments.
/// </summary>
public abstract class Trigger
{
    /// <summary>Called for every element added to <paramref name="window"/>.</summary>
    public abstract TriggerResult OnElement(long timestamp, Window window, ITriggerContext context);

    /// <summary>Called when a processing-time timer registered for <paramref name="window"/> fires.</summary>
    public abstract TriggerResult OnProcessingTime(long time, Window window, ITriggerContext context);

    /// <summary>Called when an event-time timer registered for <paramref name="window"/> fires.</summary>
    public abstract TriggerResult OnEventTime(long time, Window window, ITriggerContext context);

    /// <summary>True when the trigger can merge its state in <see cref="OnMerge"/>.</summary>
    public virtual bool CanMerge => false;

    /// <summary>Called when windows merged into <paramref name="window"/>.</summary>
    public virtual void OnMerge(Window window, IOnMergeContext context) =>
        throw new NotSupportedException($"The trigger {this} does not support merging.");

    /// <summary>Called when the window is removed: delete this trigger's timers and state for <paramref name="window"/>.</summary>
    public abstract void Clear(Window window, ITriggerContext context);
}

namespace ActorStream.Graph.Windowing;

/// <summary>
/// Decides when a window is evaluated and when its contents are dropped (Flink's Trigger). One trigger
/// object serves every key and window: keep per-window data in <see cref="ITriggerContext"/> state, never in fields.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
public abstract class Trigger<T, W> where W : Window
{
    /// <summary>Called for every element added to <paramref name="window"/>.</summary>
    public abstract TriggerResult OnElement(T element, long timestamp, W window, ITriggerContext context);

    /// <summary>Called when a processing-time timer this trigger registered for <paramref name="window"/> fires.</summary>
    public abstract TriggerResult OnProcessingTime(long time, W window, ITriggerContext context);

    /// <summary>Called when an event-time timer registered for <paramref name="window"/> fires.</summary>
    public abstract TriggerResult OnEventTime(long time, W window, ITriggerContext context);

    /// <summary>True when the trigger can merge its state in <see cref="OnMerge"/>; required by merging (session) windows.</summary>
    public virtual bool CanMerge => false;

    /// <summary>Called when windows merged into <paramref name="window"/>: merge state and re-register timers here.</summary>
    public virtual void OnMerge(W window, IOnMergeContext context) =>
        throw new NotSupportedException($"The trigger {this} does not support merging.");

    /// <summary>Called when the window is removed: delete this trigger's timers and state for <paramref name="window"/>.</summary>
    public abstract void Clear(W window, ITriggerContext context);

    /// <summary>Uses an element-agnostic built-in trigger (EventTimeTrigger, CountTrigger, ...) for these types.</summary>
    public static implicit operator Trigger<T, W>(Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return new AnyElementTrigger<T, W>(trigger);
    }
}

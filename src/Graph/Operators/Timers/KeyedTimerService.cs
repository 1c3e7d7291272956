namespace ActorStream.Graph.Operators.Timers;

/// <summary>The user-facing timer service of a keyed process function: timers of the current key, no namespace.</summary>
internal sealed class KeyedTimerService<TKey>(InternalTimerService<TKey, VoidNamespace> timers) : ITimerService where TKey : notnull
{
    public long CurrentProcessingTime() => timers.CurrentProcessingTime;

    public long CurrentWatermark() => timers.CurrentWatermark;

    public void RegisterEventTimeTimer(long time) => timers.RegisterEventTimeTimer(VoidNamespace.Instance, time);

    public void RegisterProcessingTimeTimer(long time) => timers.RegisterProcessingTimeTimer(VoidNamespace.Instance, time);

    public void DeleteEventTimeTimer(long time) => timers.DeleteEventTimeTimer(VoidNamespace.Instance, time);

    public void DeleteProcessingTimeTimer(long time) => timers.DeleteProcessingTimeTimer(VoidNamespace.Instance, time);
}

namespace ActorStream.Graph.Windowing;

/// <summary>
/// What a trigger can see and do for the window it is called for: time, timers of that key and window,
/// and state scoped to that key and window.
/// </summary>
public interface ITriggerContext
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime { get; }

    /// <summary>The operator's current watermark.</summary>
    long CurrentWatermark { get; }

    /// <summary>Calls OnProcessingTime for this window when processing time reaches <paramref name="time"/>.</summary>
    void RegisterProcessingTimeTimer(long time);

    /// <summary>Calls OnEventTime for this window when the watermark reaches <paramref name="time"/>.</summary>
    void RegisterEventTimeTimer(long time);

    /// <summary>Deletes this window's processing-time timer at <paramref name="time"/>, if any.</summary>
    void DeleteProcessingTimeTimer(long time);

    /// <summary>Deletes this window's event-time timer at <paramref name="time"/>, if any.</summary>
    void DeleteEventTimeTimer(long time);

    /// <summary>Value state of the current key and window.</summary>
    IValueState<T> GetPartitionedState<T>(ValueStateDescriptor<T> descriptor);

    /// <summary>List state of the current key and window.</summary>
    IListState<T> GetPartitionedState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>Reducing state of the current key and window.</summary>
    IReducingState<T> GetPartitionedState<T>(ReducingStateDescriptor<T> descriptor);

    /// <summary>Aggregating state of the current key and window.</summary>
    IAggregatingState<TIn, TOut> GetPartitionedState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor);

    /// <summary>Map state of the current key and window.</summary>
    IMapState<TKey, TValue> GetPartitionedState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull;
}

namespace ActorStream.Graph;

/// <summary>
/// Processes a keyed stream together with a broadcast stream (the broadcast state pattern):
/// broadcast elements update state that every subtask holds alike; keyed elements read it.
/// </summary>
public abstract class KeyedBroadcastProcessFunction<TKey, TIn, TBroadcast, TOut> : RichFunction
{
    /// <summary>Processes an element of the keyed stream; broadcast state is read-only here.</summary>
    public abstract void ProcessElement(TIn value, ReadOnlyContext context, ICollector<TOut> output);

    /// <summary>Processes an element of the broadcast stream; it reaches every subtask.</summary>
    public abstract void ProcessBroadcastElement(TBroadcast value, Context context, ICollector<TOut> output);

    /// <summary>Called when a timer of the keyed side fires.</summary>
    public virtual void OnTimer(long timestamp, OnTimerContext context, ICollector<TOut> output) { }

    /// <summary>What both process methods can see.</summary>
    public abstract class BaseContext
    {
        /// <summary>The element's event timestamp, or null when it has none.</summary>
        public abstract long? Timestamp { get; }

        /// <summary>The current processing time.</summary>
        public abstract long CurrentProcessingTime { get; }

        /// <summary>The current event time.</summary>
        public abstract long CurrentWatermark { get; }

        /// <summary>Emits <paramref name="value"/> to the side output <paramref name="tag"/>.</summary>
        public abstract void Output<TSide>(OutputTag<TSide> tag, TSide value);
    }

    /// <summary>The context of broadcast elements: writable broadcast state and access to every key's state.</summary>
    public abstract class Context : BaseContext
    {
        /// <summary>The broadcast state declared by <paramref name="descriptor"/> in Broadcast(...).</summary>
        public abstract IBroadcastState<TStateKey, TValue> GetBroadcastState<TStateKey, TValue>(MapStateDescriptor<TStateKey, TValue> descriptor)
            where TStateKey : notnull;

        /// <summary>Calls <paramref name="function"/> for every key of this subtask that has value state <paramref name="descriptor"/>.</summary>
        public abstract void ApplyToKeyedState<TValue>(ValueStateDescriptor<TValue> descriptor, Action<TKey, IValueState<TValue>> function);

        /// <summary>Calls <paramref name="function"/> for every key of this subtask that has list state <paramref name="descriptor"/>.</summary>
        public abstract void ApplyToKeyedState<TValue>(ListStateDescriptor<TValue> descriptor, Action<TKey, IListState<TValue>> function);
    }

    /// <summary>The context of keyed elements: read-only broadcast state, the key and timers.</summary>
    public abstract class ReadOnlyContext : BaseContext
    {
        /// <summary>The broadcast state declared by <paramref name="descriptor"/> in Broadcast(...), read-only.</summary>
        public abstract IReadOnlyBroadcastState<TStateKey, TValue> GetBroadcastState<TStateKey, TValue>(MapStateDescriptor<TStateKey, TValue> descriptor)
            where TStateKey : notnull;

        /// <summary>The key of the element being processed (or of the timer firing).</summary>
        public abstract TKey CurrentKey { get; }

        /// <summary>Timers of the current key.</summary>
        public abstract ITimerService TimerService { get; }
    }

    /// <summary>What <see cref="OnTimer"/> sees.</summary>
    public abstract class OnTimerContext : ReadOnlyContext
    {
        /// <summary>Whether an event-time or a processing-time timer fired.</summary>
        public abstract TimeDomain TimeDomain { get; }
    }
}

namespace ActorStream.Graph;

/// <summary>Maps the elements of two connected streams to one output type.</summary>
public interface ICoMapFunction<in TIn1, in TIn2, out TOut>
{
    /// <summary>Maps an element of the first stream.</summary>
    TOut Map1(TIn1 value);

    /// <summary>Maps an element of the second stream.</summary>
    TOut Map2(TIn2 value);
}

/// <summary>Emits zero or more elements for each element of two connected streams.</summary>
public interface ICoFlatMapFunction<in TIn1, in TIn2, out TOut>
{
    /// <summary>Handles an element of the first stream.</summary>
    void FlatMap1(TIn1 value, ICollector<TOut> output);

    /// <summary>Handles an element of the second stream.</summary>
    void FlatMap2(TIn2 value, ICollector<TOut> output);
}

/// <summary>A low-level function over two connected, non-keyed streams.</summary>
public abstract class CoProcessFunction<TIn1, TIn2, TOut> : RichFunction
{
    /// <summary>Processes an element of the first stream.</summary>
    public abstract void ProcessElement1(TIn1 value, Context context, ICollector<TOut> output);

    /// <summary>Processes an element of the second stream.</summary>
    public abstract void ProcessElement2(TIn2 value, Context context, ICollector<TOut> output);

    /// <summary>What the process methods can see and do beyond emitting.</summary>
    public abstract class Context
    {
        /// <summary>The element's event timestamp, or null when it has none.</summary>
        public abstract long? Timestamp { get; }

        /// <summary>Emits <paramref name="value"/> to the side output <paramref name="tag"/>.</summary>
        public abstract void Output<TSide>(OutputTag<TSide> tag, TSide value);

        /// <summary>Time, and (on keyed streams) timers.</summary>
        public abstract ITimerService TimerService { get; }
    }
}

/// <summary>A low-level function over two connected streams keyed by the same key type, with keyed state and timers.</summary>
public abstract class KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> : RichFunction
{
    /// <summary>Processes an element of the first stream.</summary>
    public abstract void ProcessElement1(TIn1 value, Context context, ICollector<TOut> output);

    /// <summary>Processes an element of the second stream.</summary>
    public abstract void ProcessElement2(TIn2 value, Context context, ICollector<TOut> output);

    /// <summary>Called when a timer fires.</summary>
    public virtual void OnTimer(long timestamp, OnTimerContext context, ICollector<TOut> output) { }

    /// <summary>What the process methods can see and do beyond emitting.</summary>
    public abstract class Context : CoProcessFunction<TIn1, TIn2, TOut>.Context
    {
        /// <summary>The key of the element being processed (or of the timer firing).</summary>
        public abstract TKey CurrentKey { get; }
    }

    /// <summary>What <see cref="OnTimer"/> sees.</summary>
    public abstract class OnTimerContext : Context
    {
        /// <summary>Whether an event-time or a processing-time timer fired.</summary>
        public abstract TimeDomain TimeDomain { get; }
    }
}

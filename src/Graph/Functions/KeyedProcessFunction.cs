namespace ActorStream.Graph;

/// <summary>A low-level function over a keyed stream with keyed state, timestamps and side outputs.</summary>
public abstract class KeyedProcessFunction<TKey, TIn, TOut> : RichFunction
{
    /// <summary>Processes one element, emitting results into <paramref name="output"/>.</summary>
    public abstract void ProcessElement(TIn value, Context context, ICollector<TOut> output);

    /// <summary>Called when a timer registered through the context's <see cref="ITimerService"/> fires.</summary>
    public virtual void OnTimer(long timestamp, OnTimerContext context, ICollector<TOut> output) { }

    /// <summary>What <see cref="ProcessElement"/> can see and do beyond emitting.</summary>
    public abstract class Context : ProcessFunction<TIn, TOut>.Context
    {
        /// <summary>The key of the element being processed (or of the timer firing).</summary>
        public abstract TKey CurrentKey { get; }
    }

    /// <summary>What <see cref="OnTimer"/> sees: the context plus the domain of the firing timer.</summary>
    public abstract class OnTimerContext : Context
    {
        /// <summary>Whether an event-time or a processing-time timer fired.</summary>
        public abstract TimeDomain TimeDomain { get; }
    }
}

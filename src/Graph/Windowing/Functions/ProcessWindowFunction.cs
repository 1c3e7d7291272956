using ActorStream.Graph.State;

namespace ActorStream.Graph.Windowing;

/// <summary>
/// Evaluates a window of a keyed stream with all its elements (or the one pre-aggregated value when combined
/// with Reduce/Aggregate), the window, time, per-window and per-key state and side outputs.
/// </summary>
public abstract class ProcessWindowFunction<TIn, TOut, TKey, W> : RichFunction where W : Window
{
    /// <summary>Evaluates the window of <paramref name="key"/>, emitting results into <paramref name="output"/>.</summary>
    public abstract void Process(TKey key, Context context, IEnumerable<TIn> elements, ICollector<TOut> output);

    /// <summary>Called when the window is cleaned up (its end plus allowed lateness passed): clear per-window state here.</summary>
    public virtual void Clear(Context context)
    {
    }

    /// <summary>What the function sees of the window being evaluated.</summary>
    public abstract class Context
    {
        /// <summary>The window being evaluated.</summary>
        public abstract W Window { get; }

        /// <summary>The current processing time, in epoch milliseconds.</summary>
        public abstract long CurrentProcessingTime { get; }

        /// <summary>The operator's current watermark.</summary>
        public abstract long CurrentWatermark { get; }

        /// <summary>State of the current key and window; not available with merging (session) windows.</summary>
        public abstract IKeyedStateStore WindowState { get; }

        /// <summary>State of the current key, shared by all its windows.</summary>
        public abstract IKeyedStateStore GlobalState { get; }

        /// <summary>Emits <paramref name="value"/> to the side output <paramref name="tag"/>, stamped with the window's max timestamp.</summary>
        public abstract void Output<TSide>(OutputTag<TSide> tag, TSide value);
    }
}

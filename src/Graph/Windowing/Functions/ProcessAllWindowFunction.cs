using ActorStream.Graph.State;

namespace ActorStream.Graph.Windowing;

/// <summary>Evaluates a window of a non-keyed stream (WindowAll) with all its elements or its pre-aggregated value.</summary>
public abstract class ProcessAllWindowFunction<TIn, TOut, W> : RichFunction where W : Window
{
    /// <summary>Evaluates the window, emitting results into <paramref name="output"/>.</summary>
    public abstract void Process(Context context, IEnumerable<TIn> elements, ICollector<TOut> output);

    /// <summary>Called when the window is cleaned up: clear per-window state here.</summary>
    public virtual void Clear(Context context)
    {
    }

    /// <summary>What the function sees of the window being evaluated.</summary>
    public abstract class Context
    {
        /// <summary>The window being evaluated.</summary>
        public abstract W Window { get; }

        /// <summary>State of this window; not available with merging (session) windows.</summary>
        public abstract IKeyedStateStore WindowState { get; }

        /// <summary>State shared by all windows.</summary>
        public abstract IKeyedStateStore GlobalState { get; }

        /// <summary>Emits <paramref name="value"/> to the side output <paramref name="tag"/>, stamped with the window's max timestamp.</summary>
        public abstract void Output<TSide>(OutputTag<TSide> tag, TSide value);
    }
}

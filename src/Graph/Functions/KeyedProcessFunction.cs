namespace ActorStream.Graph;

/// <summary>A low-level function over a keyed stream with keyed state, timestamps and side outputs.</summary>
public abstract class KeyedProcessFunction<TKey, TIn, TOut> : RichFunction
{
    /// <summary>Processes one element, emitting results into <paramref name="output"/>.</summary>
    public abstract void ProcessElement(TIn value, Context context, ICollector<TOut> output);

    /// <summary>What <see cref="ProcessElement"/> can see and do beyond emitting.</summary>
    public abstract class Context : ProcessFunction<TIn, TOut>.Context
    {
        /// <summary>The key of the element being processed.</summary>
        public abstract TKey CurrentKey { get; }
    }
}

namespace ActorStream.Graph;

/// <summary>A low-level function over a non-keyed stream with access to timestamps and side outputs.</summary>
public abstract class ProcessFunction<TIn, TOut> : RichFunction
{
    /// <summary>Processes one element, emitting results into <paramref name="output"/>.</summary>
    public abstract void ProcessElement(TIn value, Context context, ICollector<TOut> output);

    /// <summary>What <see cref="ProcessElement"/> can see and do beyond emitting.</summary>
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

namespace ActorStream.Graph;

/// <summary>Processes each pair of elements an interval join matched.</summary>
public abstract class ProcessJoinFunction<TLeft, TRight, TOut> : RichFunction
{
    /// <summary>Handles one matched pair.</summary>
    public abstract void ProcessElement(TLeft left, TRight right, Context context, ICollector<TOut> output);

    /// <summary>What <see cref="ProcessElement"/> can see of the pair.</summary>
    public abstract class Context
    {
        /// <summary>The left element's timestamp.</summary>
        public abstract long LeftTimestamp { get; }

        /// <summary>The right element's timestamp.</summary>
        public abstract long RightTimestamp { get; }

        /// <summary>The output's timestamp: the larger of the two.</summary>
        public abstract long Timestamp { get; }

        /// <summary>Emits <paramref name="value"/> to the side output <paramref name="tag"/>.</summary>
        public abstract void Output<TSide>(OutputTag<TSide> tag, TSide value);
    }
}

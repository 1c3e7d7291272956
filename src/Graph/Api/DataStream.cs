using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.Sinks;

namespace ActorStream.Graph;

/// <summary>A stream of <typeparamref name="T"/>: a lazy handle on a transformation that later operators read.</summary>
public partial class DataStream<T>
{
    internal DataStream(StreamExecutionEnvironment environment, Transformation transformation)
    {
        Environment = environment;
        Transformation = transformation;
    }

    /// <summary>The environment the stream belongs to.</summary>
    public StreamExecutionEnvironment Environment { get; }

    /// <summary>The transformation that produces this stream.</summary>
    public Transformation Transformation { get; }

    /// <summary>Applies <paramref name="map"/> to every element.</summary>
    public DataStream<TOut> Map<TOut>(Func<T, TOut> map) => Map(new LambdaFunctions.MapFn<T, TOut>(map));

    /// <summary>Applies a map function to every element.</summary>
    public DataStream<TOut> Map<TOut>(IMapFunction<T, TOut> function) =>
        OneInput<TOut>("Map", () => new MapOperator<T, TOut>(function));

    /// <summary>Emits zero or more elements per element into the collector.</summary>
    public DataStream<TOut> FlatMap<TOut>(Action<T, ICollector<TOut>> flatMap) =>
        FlatMap(new LambdaFunctions.FlatMapFn<T, TOut>(flatMap));

    /// <summary>Emits the elements <paramref name="flatMap"/> returns for each element.</summary>
    public DataStream<TOut> FlatMap<TOut>(Func<T, IEnumerable<TOut>> flatMap) =>
        FlatMap(new LambdaFunctions.FlatMapEnumerableFn<T, TOut>(flatMap));

    /// <summary>Applies a flatMap function to every element.</summary>
    public DataStream<TOut> FlatMap<TOut>(IFlatMapFunction<T, TOut> function) =>
        OneInput<TOut>("FlatMap", () => new FlatMapOperator<T, TOut>(function));

    /// <summary>Keeps the elements for which <paramref name="filter"/> is true.</summary>
    public DataStream<T> Filter(Func<T, bool> filter) => Filter(new LambdaFunctions.FilterFn<T>(filter));

    /// <summary>Keeps the elements the filter function accepts.</summary>
    public DataStream<T> Filter(IFilterFunction<T> function) =>
        OneInput<T>("Filter", () => new FilterOperator<T>(function));

    /// <summary>Runs a process function with access to timestamps and side outputs.</summary>
    public DataStream<TOut> Process<TOut>(ProcessFunction<T, TOut> function) =>
        OneInput<TOut>("Process", () => new ProcessOperator<T, TOut>(function));

    /// <summary>Partitions the stream by key: equal keys go to the same subtask and share keyed state.</summary>
    public KeyedStream<T, TKey> KeyBy<TKey>(Func<T, TKey> keySelector) where TKey : notnull =>
        new(Environment, Partition(new KeyGroupStreamPartitioner<T, TKey>(keySelector)), keySelector);

    /// <summary>Distributes elements round-robin over the next operator's subtasks.</summary>
    public DataStream<T> Rebalance() => new(Environment, Partition(RebalancePartitioner.Instance));

    /// <summary>Sends every element to every subtask of the next operator.</summary>
    public DataStream<T> Broadcast() => new(Environment, Partition(BroadcastPartitioner.Instance));

    /// <summary>Sends each element to a uniformly random subtask of the next operator (each sender's draws are seeded by its subtask index).</summary>
    public DataStream<T> Shuffle() => new(Environment, Partition(ShufflePartitioner.Instance));

    /// <summary>Distributes elements round-robin over a group of the next operator's subtasks: a pointwise edge, cheaper than Rebalance.</summary>
    public DataStream<T> Rescale() => new(Environment, Partition(RescalePartitioner.Instance));

    /// <summary>Sends every element to subtask 0 of the next operator.</summary>
    public DataStream<T> Global() => new(Environment, Partition(GlobalPartitioner.Instance));

    /// <summary>Sends each element to its own subtask of the next operator, which must have the same parallelism (the default between equal parallelisms).</summary>
    public DataStream<T> Forward() => new(Environment, Partition(ForwardPartitioner.Instance));

    /// <summary>Sends each element to the subtask <paramref name="partitioner"/> picks for its key, out of the next operator's subtasks.</summary>
    public DataStream<T> PartitionCustom<TKey>(IPartitioner<TKey> partitioner, Func<T, TKey> keySelector)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        ArgumentNullException.ThrowIfNull(keySelector);
        return new(Environment, Partition(new CustomPartitionerWrapper<T, TKey>(partitioner, keySelector)));
    }

    /// <summary>Sends each element to subtask <paramref name="partition"/>(key, number of subtasks) of the next operator.</summary>
    public DataStream<T> PartitionCustom<TKey>(Func<TKey, int, int> partition, Func<T, TKey> keySelector) =>
        PartitionCustom(new FuncPartitioner<TKey>(partition ?? throw new ArgumentNullException(nameof(partition))), keySelector);

    /// <summary>A broadcast stream for the broadcast state pattern, declaring the broadcast state it maintains.</summary>
    public BroadcastStream<T> Broadcast(params StateDescriptor[] broadcastStateDescriptors)
    {
        if (broadcastStateDescriptors.Length == 0)
            throw new ArgumentException("Declare at least one MapStateDescriptor for the broadcast state.", nameof(broadcastStateDescriptors));
        return new BroadcastStream<T>(Broadcast(), broadcastStateDescriptors);
    }

    /// <summary>Merges this stream with streams of the same type.</summary>
    public DataStream<T> Union(params DataStream<T>[] others) =>
        new(Environment, new UnionTransformation(Environment.NextId(), [Transformation, .. others.Select(o => o.Transformation)]));

    /// <summary>Assigns event timestamps and generates watermarks here, replacing upstream watermarks (e.g. after decoding).</summary>
    public DataStream<T> AssignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) =>
        new(Environment, Environment.Register(new OneInputTransformation(Environment.NextId(), "Timestamps/Watermarks",
            Transformation, StreamType<T>.Instance, StreamType<T>.Instance,
            settings => new TimestampsAndWatermarksOperator<T>(strategy, settings.AutoWatermarkInterval))));

    /// <summary>Joins this stream with <paramref name="other"/> per key and window: Where(...).EqualTo(...).Window(...).Apply(...).</summary>
    public JoinedStreams<T, T2> Join<T2>(DataStream<T2> other) => new(this, other);

    /// <summary>Co-groups this stream with <paramref name="other"/> per key and window: Where(...).EqualTo(...).Window(...).Apply(...).</summary>
    public CoGroupedStreams<T, T2> CoGroup<T2>(DataStream<T2> other) => new(this, other);

    /// <summary>Connects this stream with <paramref name="other"/> for a two-input operator (CoMap, CoProcess, ...).</summary>
    public ConnectedStreams<T, T2> Connect<T2>(DataStream<T2> other) => new(this, other);

    /// <summary>Cuts the whole stream into windows, evaluated by one subtask, with an assigner that reads elements.</summary>
    public AllWindowedStream<T, W> WindowAll<W>(Windowing.WindowAssigner<T, W> assigner) where W : Windowing.Window =>
        new(this, assigner);

    /// <summary>Cuts the whole stream into windows (tumbling, sliding, session or global), evaluated by one subtask.</summary>
    public AllWindowedStream<T, W> WindowAll<W>(Windowing.WindowAssigner<W> assigner) where W : Windowing.Window =>
        new(this, (assigner ?? throw new ArgumentNullException(nameof(assigner))).For<T>());

    /// <summary>The side output <paramref name="tag"/> of the operator that produced this stream.</summary>
    public DataStream<TSide> GetSideOutput<TSide>(OutputTag<TSide> tag) =>
        new(Environment, new SideOutputTransformation(Environment.NextId(), Transformation, tag, StreamType<TSide>.Instance));

    /// <summary>Writes the stream to <paramref name="sink"/>.</summary>
    public DataStreamSink<T> SinkTo(ISink<T> sink, string name = "Sink") =>
        new(Environment.Register(new OneInputTransformation(Environment.NextId(), name, Transformation,
            StreamType<T>.Instance, StreamType<T>.Instance, () => new SinkOperator<T>(sink), isSink: true)));

    /// <summary>Prints every element to standard output, prefixed by the subtask ("2> value") when parallel.</summary>
    public DataStreamSink<T> Print(string? prefix = null) => SinkTo(new PrintSink<T>(prefix), "Print to Std. Out");

    /// <summary>Sets the parallelism of the operator that produces this stream.</summary>
    public DataStream<T> SetParallelism(int parallelism)
    {
        if (parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        Operator(nameof(SetParallelism)).Parallelism = parallelism;
        return this;
    }

    /// <summary>Sets the max parallelism (number of key groups) of the operator that produces this stream.</summary>
    public DataStream<T> SetMaxParallelism(int maxParallelism)
    {
        if (maxParallelism is < 1 or > Keys.KeyGroupRangeAssignment.UpperBoundMaxParallelism)
            throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism,
                $"Max parallelism must be between 1 and {Keys.KeyGroupRangeAssignment.UpperBoundMaxParallelism}.");
        Operator(nameof(SetMaxParallelism)).MaxParallelism = maxParallelism;
        return this;
    }

    /// <summary>Sets the operator's stable id, which matches its state on restore.</summary>
    public DataStream<T> Uid(string uid)
    {
        Operator(nameof(Uid)).Uid = uid;
        return this;
    }

    /// <summary>Sets the operator's display name.</summary>
    public DataStream<T> Name(string name)
    {
        Operator(nameof(Name)).Name = name;
        return this;
    }

    /// <summary>
    /// Puts the operator in slot sharing group <paramref name="name"/>: operators of different groups never share a slot
    /// (nor a chain); an operator without a group takes its inputs' group when they all have the same one, else "default".
    /// </summary>
    public DataStream<T> SlotSharingGroup(string name)
    {
        Operator(nameof(SlotSharingGroup)).SlotSharingGroup = Plan.SlotSharingGroup.Check(name);
        return this;
    }

    /// <summary>Starts a new chain at this operator; later operators may chain to it.</summary>
    public DataStream<T> StartNewChain()
    {
        Operator(nameof(StartNewChain)).Chaining = ChainingStrategy.Head;
        return this;
    }

    /// <summary>Runs this operator in its own subtask, chained to nothing.</summary>
    public DataStream<T> DisableChaining()
    {
        Operator(nameof(DisableChaining)).Chaining = ChainingStrategy.Never;
        return this;
    }

    /// <summary>Adds a one-input operator reading this stream.</summary>
    internal DataStream<TOut> OneInput<TOut>(string name, Func<OneInputStreamOperator<T, TOut>> createOperator) =>
        OneInput<TOut>(name, WithKeyContext(createOperator), IsKeyed);

    /// <summary>How a plain operator gets keyed state on this stream: not at all, unless the stream is keyed.</summary>
    private protected virtual Func<IStreamOperator> WithKeyContext<TOut>(Func<OneInputStreamOperator<T, TOut>> createOperator) =>
        createOperator;

    /// <summary>True on keyed streams.</summary>
    private protected virtual bool IsKeyed => false;

    internal DataStream<TOut> OneInput<TOut>(string name, Func<IStreamOperator> createOperator, bool isKeyed) =>
        new(Environment, Environment.Register(new OneInputTransformation(Environment.NextId(), name, Transformation,
            StreamType<T>.Instance, StreamType<TOut>.Instance, createOperator, isKeyed)));

    private PartitionTransformation Partition(StreamPartitioner partitioner) =>
        new(Environment.NextId(), Transformation, partitioner);

    private PhysicalTransformation Operator(string setting) => Transformation as PhysicalTransformation
        ?? throw new InvalidOperationException(
            $"{setting} applies to an operator, but this stream comes from a {Transformation.Name} step; call it on the operator before.");
}

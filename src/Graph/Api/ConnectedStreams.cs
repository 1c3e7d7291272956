using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph;

/// <summary>Two streams of possibly different types processed together by one operator.</summary>
public sealed class ConnectedStreams<T1, T2>
{
    internal ConnectedStreams(DataStream<T1> first, DataStream<T2> second)
    {
        if (!ReferenceEquals(first.Environment, second.Environment))
            throw new ArgumentException("Connected streams must belong to the same StreamExecutionEnvironment.", nameof(second));
        First = first;
        Second = second;
    }

    /// <summary>The first stream.</summary>
    public DataStream<T1> First { get; }

    /// <summary>The second stream.</summary>
    public DataStream<T2> Second { get; }

    /// <summary>Maps each stream's elements with its own function.</summary>
    public DataStream<TOut> Map<TOut>(Func<T1, TOut> map1, Func<T2, TOut> map2) =>
        Map(new CoFunctionAdapters.LambdaCoMap<T1, T2, TOut>(map1, map2));

    /// <summary>Maps the elements of both streams with a co-map function.</summary>
    public DataStream<TOut> Map<TOut>(ICoMapFunction<T1, T2, TOut> function) =>
        Operator<TOut>("CoMap", () => new CoProcessOperator<T1, T2, TOut>(
            new CoFunctionAdapters.CoMap<T1, T2, TOut>(FunctionCopies.PerSubtask(function))));

    /// <summary>Emits zero or more elements per element of either stream.</summary>
    public DataStream<TOut> FlatMap<TOut>(Action<T1, ICollector<TOut>> flatMap1, Action<T2, ICollector<TOut>> flatMap2) =>
        FlatMap(new CoFunctionAdapters.LambdaCoFlatMap<T1, T2, TOut>(flatMap1, flatMap2));

    /// <summary>Processes both streams with a co-flatMap function.</summary>
    public DataStream<TOut> FlatMap<TOut>(ICoFlatMapFunction<T1, T2, TOut> function) =>
        Operator<TOut>("CoFlatMap", () => new CoProcessOperator<T1, T2, TOut>(
            new CoFunctionAdapters.CoFlatMap<T1, T2, TOut>(FunctionCopies.PerSubtask(function))));

    /// <summary>Processes both streams with a co-process function.</summary>
    public DataStream<TOut> Process<TOut>(CoProcessFunction<T1, T2, TOut> function) =>
        Operator<TOut>("CoProcess", () => new CoProcessOperator<T1, T2, TOut>(function));

    /// <summary>Partitions both streams by keys of the same type, so equal keys meet in one subtask.</summary>
    public KeyedConnectedStreams<T1, T2, TKey> KeyBy<TKey>(Func<T1, TKey> keySelector1, Func<T2, TKey> keySelector2)
        where TKey : notnull =>
        new(First.KeyBy(keySelector1), Second.KeyBy(keySelector2));

    private DataStream<TOut> Operator<TOut>(string name, Func<IStreamOperator> create) =>
        TwoInput<T1, T2, TOut>(First, Second, name, create, isKeyed: false);

    internal static DataStream<TOut> TwoInput<TA, TB, TOut>(DataStream<TA> first, DataStream<TB> second, string name,
        Func<IStreamOperator> create, bool isKeyed)
    {
        var env = first.Environment;
        return new DataStream<TOut>(env, env.Register(new TwoInputTransformation(env.NextId(), name, first.Transformation,
            second.Transformation, StreamType<TA>.Instance, StreamType<TB>.Instance, StreamType<TOut>.Instance, create, isKeyed)));
    }
}

/// <summary>Two connected streams keyed by the same key type: the operator shares keyed state and timers per key.</summary>
public sealed class KeyedConnectedStreams<T1, T2, TKey> where TKey : notnull
{
    internal KeyedConnectedStreams(KeyedStream<T1, TKey> first, KeyedStream<T2, TKey> second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The first keyed stream.</summary>
    public KeyedStream<T1, TKey> First { get; }

    /// <summary>The second keyed stream.</summary>
    public KeyedStream<T2, TKey> Second { get; }

    /// <summary>Processes both streams with a keyed co-process function.</summary>
    public DataStream<TOut> Process<TOut>(KeyedCoProcessFunction<TKey, T1, T2, TOut> function) =>
        ConnectedStreams<T1, T2>.TwoInput<T1, T2, TOut>(First, Second, "KeyedCoProcess",
            () => new KeyedCoProcessOperator<TKey, T1, T2, TOut>(function, First.KeySelector, Second.KeySelector), isKeyed: true);
}

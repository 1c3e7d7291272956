using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;

namespace ActorStream.Graph;

/// <summary>A stream sent to every subtask of the operator it connects to, with the broadcast state it declares.</summary>
public sealed class BroadcastStream<T>
{
    internal BroadcastStream(DataStream<T> broadcast, IReadOnlyList<StateDescriptor> descriptors)
    {
        Stream = broadcast;
        Descriptors = descriptors;
    }

    /// <summary>The broadcast-partitioned stream.</summary>
    public DataStream<T> Stream { get; }

    /// <summary>The broadcast state the connected operator may use.</summary>
    public IReadOnlyList<StateDescriptor> Descriptors { get; }
}

/// <summary>A keyed stream connected with a broadcast stream: <c>keyed.Connect(rules).Process(function)</c>.</summary>
public sealed class BroadcastConnectedStream<T, TBroadcast, TKey>(KeyedStream<T, TKey> keyed, BroadcastStream<TBroadcast> broadcast)
    where TKey : notnull
{
    /// <summary>Processes both streams with a keyed broadcast process function.</summary>
    public DataStream<TOut> Process<TOut>(KeyedBroadcastProcessFunction<TKey, T, TBroadcast, TOut> function) =>
        ConnectedStreams<T, TBroadcast>.TwoInput<T, TBroadcast, TOut>(keyed, broadcast.Stream, "KeyedBroadcastProcess",
            () => new KeyedBroadcastProcessOperator<TKey, T, TBroadcast, TOut>(function, keyed.KeySelector, broadcast.Descriptors),
            isKeyed: true);
}

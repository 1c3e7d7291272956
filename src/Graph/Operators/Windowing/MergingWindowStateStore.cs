using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>The window state of merging (session) windows: refused, as in Flink, because it could not follow a merge.</summary>
internal sealed class MergingWindowStateStore : IKeyedStateStore
{
    public static MergingWindowStateStore Instance { get; } = new();

    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) => throw NotAllowed();

    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) => throw NotAllowed();

    public IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull =>
        throw NotAllowed();

    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) => throw NotAllowed();

    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) =>
        throw NotAllowed();

    private static NotSupportedException NotAllowed() => new("Per-window state is not allowed when using merging windows.");
}

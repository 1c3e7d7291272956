namespace ActorStream.Graph.State;

/// <summary>Creates keyed state handles scoped to the backend's current key.</summary>
public interface IKeyedStateStore
{
    /// <summary>See <see cref="IRuntimeContext.GetState{T}"/>.</summary>
    IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor);

    /// <summary>See <see cref="IRuntimeContext.GetListState{T}"/>.</summary>
    IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>See <see cref="IRuntimeContext.GetMapState{TKey,TValue}"/>.</summary>
    IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull;

    /// <summary>See <see cref="IRuntimeContext.GetReducingState{T}"/>.</summary>
    IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor);

    /// <summary>See <see cref="IRuntimeContext.GetAggregatingState{TIn,TAcc,TOut}"/>.</summary>
    IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor);
}

using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>The runtime context handed to rich functions.</summary>
internal sealed class StreamingRuntimeContext(OperatorContext context, IKeyedStateStore? keyedState) : IRuntimeContext
{
    public string TaskName => context.OperatorName;

    public int IndexOfThisSubtask => context.SubtaskIndex;

    public int NumberOfParallelSubtasks => context.Parallelism;

    public int MaxNumberOfParallelSubtasks => context.MaxParallelism;

    public RuntimeExecutionMode RuntimeMode => context.RuntimeMode;

    public ICounter GetCounter(string name) => context.Counters.Get(name);

    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor) => Keyed.GetState(descriptor);

    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) => Keyed.GetListState(descriptor);

    public IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull =>
        Keyed.GetMapState(descriptor);

    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor) => Keyed.GetReducingState(descriptor);

    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(
        AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor) => Keyed.GetAggregatingState(descriptor);

    private IKeyedStateStore Keyed => keyedState ?? throw new InvalidOperationException(
        $"Operator '{context.OperatorName}' uses keyed state, which is only available on a keyed stream (after KeyBy).");
}

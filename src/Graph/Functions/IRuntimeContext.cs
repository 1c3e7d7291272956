namespace ActorStream.Graph;

/// <summary>What a rich function can see of the subtask that runs it.</summary>
public interface IRuntimeContext
{
    /// <summary>The operator's name.</summary>
    string TaskName { get; }

    /// <summary>This subtask's index, from 0.</summary>
    int IndexOfThisSubtask { get; }

    /// <summary>The operator's parallelism.</summary>
    int NumberOfParallelSubtasks { get; }

    /// <summary>The operator's max parallelism (number of key groups).</summary>
    int MaxNumberOfParallelSubtasks { get; }

    /// <summary>The effective runtime mode of the job.</summary>
    RuntimeExecutionMode RuntimeMode { get; }

    /// <summary>A named counter; equally named counters of all subtasks are summed in the job result.</summary>
    ICounter GetCounter(string name);

    /// <summary>Keyed value state; only on keyed streams.</summary>
    IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor);

    /// <summary>Keyed list state; only on keyed streams.</summary>
    IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>Keyed map state; only on keyed streams.</summary>
    IMapState<TKey, TValue> GetMapState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull;

    /// <summary>Keyed reducing state; only on keyed streams.</summary>
    IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor);

    /// <summary>Keyed aggregating state; only on keyed streams.</summary>
    IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor);
}

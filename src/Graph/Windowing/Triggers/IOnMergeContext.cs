namespace ActorStream.Graph.Windowing;

/// <summary>The trigger context during <c>OnMerge</c>: can also fold the merged windows' state into the merge result.</summary>
public interface IOnMergeContext : ITriggerContext
{
    /// <summary>Folds this state of the merged windows into the resulting window (reducing with the descriptor's function).</summary>
    void MergePartitionedState<T>(ReducingStateDescriptor<T> descriptor);

    /// <summary>Appends this list state of the merged windows to the resulting window's list.</summary>
    void MergePartitionedState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>Merges this aggregating state of the merged windows into the resulting window's accumulator.</summary>
    void MergePartitionedState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor);
}

namespace ActorStream.Graph;

/// <summary>
/// Operator (non-keyed) state of one subtask, as lists of elements that a restore with another parallelism
/// redistributes (Flink's OperatorStateStore).
/// </summary>
public interface IOperatorStateStore
{
    /// <summary>
    /// A list state with even-split redistribution: at the same parallelism each subtask gets its own elements back;
    /// at another, the elements of all subtasks (in subtask order) are cut into contiguous parts that differ in size by one at most.
    /// </summary>
    IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>A list state with union redistribution: on restore every subtask gets the elements of all subtasks.</summary>
    IListState<T> GetUnionListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>The names of the states registered so far.</summary>
    IReadOnlyCollection<string> RegisteredStateNames { get; }
}

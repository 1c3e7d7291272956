using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>
/// The operator state of one subtask's user function when it is an <see cref="ICheckpointedFunction"/>: keeps the
/// restored blobs until the function initializes, and turns its snapshots into the operator's checkpoint state.
/// </summary>
internal sealed class FunctionOperatorState
{
    private IReadOnlyList<byte[]> _restored = [];
    private ICheckpointedFunction? _function;
    private OperatorStateBackend? _backend;

    /// <summary>Keeps what the operator's subtasks wrote at the restored checkpoint.</summary>
    public void Restore(IReadOnlyList<byte[]> restored) => _restored = restored;

    /// <summary>Initializes <paramref name="function"/>'s state when it is checkpointed; call before it opens.</summary>
    public void Initialize(object function, OperatorContext context, IKeyedStateStore? keyedState)
    {
        if (function is not ICheckpointedFunction checkpointed)
            return;
        _function = checkpointed;
        _backend = new OperatorStateBackend(context.SubtaskIndex, context.Parallelism, _restored);
        _restored = [];
        checkpointed.InitializeState(new InitializationContext(_backend.IsRestored, _backend, keyedState));
    }

    /// <summary>Snapshots the function's state at checkpoint <paramref name="checkpointId"/>; null for a function that is not checkpointed.</summary>
    public byte[]? Snapshot(long checkpointId)
    {
        if (_function is null)
            return null;
        _function.SnapshotState(new SnapshotContext(checkpointId));
        return _backend!.Snapshot();
    }

    private sealed record InitializationContext(bool IsRestored, IOperatorStateStore OperatorStateStore, IKeyedStateStore? KeyedStateStore)
        : IFunctionInitializationContext;

    private sealed record SnapshotContext(long CheckpointId) : IFunctionSnapshotContext;
}

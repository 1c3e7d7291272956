using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>An operator that runs a user function: gives each subtask its own copy, opens and closes it.</summary>
public abstract class UdfOperator<TIn, TOut, TFunction> : OneInputStreamOperator<TIn, TOut>, IKeyedStateAware
    where TFunction : class
{
    private IKeyedStateStore? _injectedKeyedState;
    private readonly FunctionOperatorState _functionState = new();

    /// <summary>Wraps this subtask's copy of <paramref name="function"/>.</summary>
    protected UdfOperator(TFunction function) => Function = FunctionCopies.PerSubtask(function);

    /// <summary>This subtask's copy of the user function.</summary>
    protected TFunction Function { get; }

    /// <summary>The keyed state the function may use (null on non-keyed streams).</summary>
    protected virtual IKeyedStateStore? KeyedStateStore => _injectedKeyedState;

    void IKeyedStateAware.UseKeyedState(IKeyedStateStore store) => _injectedKeyedState = store;

    /// <summary>Keeps the restored operator state for a checkpointed function, which reads it when it opens.</summary>
    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored) => _functionState.Restore(restored);

    /// <summary>A checkpointed function's operator state; null for other functions.</summary>
    public override byte[]? SnapshotOperatorState(long checkpointId) => _functionState.Snapshot(checkpointId);

    /// <inheritdoc />
    public override void Open() => FunctionCopies.Open(Function, new StreamingRuntimeContext(Context, KeyedStateStore),
        () => _functionState.Initialize(Function, Context, KeyedStateStore));

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(Function);
}

using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>An operator that runs a user function: gives each subtask its own copy, opens and closes it.</summary>
public abstract class UdfOperator<TIn, TOut, TFunction> : OneInputStreamOperator<TIn, TOut>, IKeyedStateAware
    where TFunction : class
{
    private IKeyedStateStore? _injectedKeyedState;

    /// <summary>Wraps this subtask's copy of <paramref name="function"/>.</summary>
    protected UdfOperator(TFunction function) => Function = FunctionCopies.PerSubtask(function);

    /// <summary>This subtask's copy of the user function.</summary>
    protected TFunction Function { get; }

    /// <summary>The keyed state the function may use (null on non-keyed streams).</summary>
    protected virtual IKeyedStateStore? KeyedStateStore => _injectedKeyedState;

    void IKeyedStateAware.UseKeyedState(IKeyedStateStore store) => _injectedKeyedState = store;

    /// <inheritdoc />
    public override void Open() => FunctionCopies.Open(Function, new StreamingRuntimeContext(Context, KeyedStateStore));

    /// <inheritdoc />
    public override void Close() => FunctionCopies.Close(Function);
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>A user-function operator on a keyed stream: scopes keyed state to each element's key.</summary>
public abstract class KeyedUdfOperator<TIn, TKey, TOut, TFunction>(TFunction function, Func<TIn, TKey> keySelector)
    : UdfOperator<TIn, TOut, TFunction>(function) where TFunction : class where TKey : notnull
{
    private HeapKeyedStateBackend<TKey>? _backend;

    /// <summary>This subtask's keyed state.</summary>
    protected HeapKeyedStateBackend<TKey> Backend => _backend ?? throw new InvalidOperationException("Setup was not called.");

    /// <inheritdoc />
    protected override IKeyedStateStore KeyedStateStore => Backend;

    /// <inheritdoc />
    public override IKeyedStateSnapshots? KeyedStateSnapshots => _backend;

    /// <inheritdoc />
    public override void Setup(OperatorContext context, IOutput<TOut> output)
    {
        base.Setup(context, output);
        _backend = HeapKeyedStateBackend<TKey>.For(context);
    }

    /// <inheritdoc />
    public sealed override void ProcessElement(in StreamRecord<TIn> record)
    {
        var key = keySelector(record.Value) ?? throw new InvalidOperationException(
            $"The key selector of '{Context.OperatorName}' returned null; keys must not be null.");
        Backend.SetCurrentKey(key, record.Timestamp);
        ProcessKeyed(in record, key);
    }

    /// <summary>Processes <paramref name="record"/> with state scoped to <paramref name="key"/>.</summary>
    protected abstract void ProcessKeyed(in StreamRecord<TIn> record, TKey key);
}

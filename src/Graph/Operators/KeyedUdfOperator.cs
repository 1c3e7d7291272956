using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>A user-function operator on a keyed stream: scopes keyed state to each element's key.</summary>
public abstract class KeyedUdfOperator<TIn, TKey, TOut, TFunction>(TFunction function, Func<TIn, TKey> keySelector)
    : UdfOperator<TIn, TOut, TFunction>(function), IKeyedRecordProcessor<TIn, TKey> where TFunction : class where TKey : notnull
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
        var key = KeyedRecords.KeyOf(keySelector, in record, Context.OperatorName);
        Backend.SetCurrentKey(key, record.Timestamp);
        ProcessKeyed(in record, key);
    }

    /// <inheritdoc />
    public sealed override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch) =>
        KeyedRecords.ProcessBatch(this, batch, default, keySelector, Backend, Context.OperatorName);

    /// <summary>Processes a batch from a keyed edge: the sender's key groups spare hashing each key again when they are of this operator's keys.</summary>
    public sealed override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups) =>
        KeyedRecords.ProcessBatch(this, batch, keyGroups, keySelector, Backend, Context.OperatorName);

    void IKeyedRecordProcessor<TIn, TKey>.ProcessKeyed(in StreamRecord<TIn> record, TKey key) => ProcessKeyed(in record, key);

    /// <summary>Processes <paramref name="record"/> with state scoped to <paramref name="key"/>.</summary>
    protected abstract void ProcessKeyed(in StreamRecord<TIn> record, TKey key);
}

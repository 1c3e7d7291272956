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
        var key = KeyOf(in record);
        Backend.SetCurrentKey(key, record.Timestamp);
        ProcessKeyed(in record, key);
    }

    /// <inheritdoc />
    public sealed override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch)
    {
        var backend = Backend;
        foreach (ref readonly var record in batch)
        {
            var key = KeyOf(in record);
            backend.SetCurrentKey(key, record.Timestamp);
            ProcessKeyed(in record, key);
        }
    }

    /// <summary>Processes a batch from a keyed edge: the sender's key groups spare hashing each key again when they are of this operator's keys.</summary>
    public sealed override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups)
    {
        if (!keyGroups.ComputedBy(keySelector))
        {
            ProcessBatch(batch);
            return;
        }
        var backend = Backend;
        var groups = keyGroups.Groups[..batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            ref readonly var record = ref batch[i];
            var key = KeyOf(in record);
            backend.SetCurrentKey(key, groups[i], record.Timestamp);
            ProcessKeyed(in record, key);
        }
    }

    private TKey KeyOf(in StreamRecord<TIn> record) => keySelector(record.Value) ?? throw new InvalidOperationException(
        $"The key selector of '{Context.OperatorName}' returned null; keys must not be null.");

    /// <summary>Processes <paramref name="record"/> with state scoped to <paramref name="key"/>.</summary>
    protected abstract void ProcessKeyed(in StreamRecord<TIn> record, TKey key);
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>Operators whose user function can be given keyed state from outside.</summary>
internal interface IKeyedStateAware
{
    /// <summary>Makes <paramref name="store"/> the keyed state the function's runtime context hands out.</summary>
    void UseKeyedState(IKeyedStateStore store);
}

/// <summary>
/// Runs a plain operator (map, flatMap, filter, process) on a keyed stream: scopes keyed state to
/// each element's key, as Flink does for keyBy(...).map(rich function with state).
/// </summary>
internal sealed class KeyedContextOperator<TIn, TKey, TOut>(OneInputStreamOperator<TIn, TOut> inner, Func<TIn, TKey> keySelector)
    : OneInputStreamOperator<TIn, TOut>, IKeyedRecordProcessor<TIn, TKey> where TKey : notnull
{
    private HeapKeyedStateBackend<TKey>? _backend;

    public override void Setup(OperatorContext context, IOutput<TOut> output)
    {
        base.Setup(context, output);
        _backend = HeapKeyedStateBackend<TKey>.For(context);
        inner.Setup(context, output);
        if (inner is IKeyedStateAware aware)
            aware.UseKeyedState(_backend);
    }

    public override IKeyedStateSnapshots? KeyedStateSnapshots => _backend;

    public override void InitializeOperatorState(IReadOnlyList<byte[]> restored) => inner.InitializeOperatorState(restored);

    public override byte[]? SnapshotOperatorState(long checkpointId) => inner.SnapshotOperatorState(checkpointId);

    public override void NotifyCheckpointComplete(long checkpointId) => inner.NotifyCheckpointComplete(checkpointId);

    public override void Open() => inner.Open();

    public override void ProcessElement(in StreamRecord<TIn> record)
    {
        _backend!.SetCurrentKey(KeyedRecords.KeyOf(keySelector, in record, Context.OperatorName), record.Timestamp);
        inner.ProcessElement(in record);
    }

    public override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch) =>
        KeyedRecords.ProcessBatch(this, batch, default, keySelector, _backend!, Context.OperatorName);

    public override void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups) =>
        KeyedRecords.ProcessBatch(this, batch, keyGroups, keySelector, _backend!, Context.OperatorName);

    void IKeyedRecordProcessor<TIn, TKey>.ProcessKeyed(in StreamRecord<TIn> record, TKey key) => inner.ProcessElement(in record);

    public override void ProcessWatermark(long watermark)
    {
        _backend!.AdvanceWatermark(watermark);
        inner.ProcessWatermark(watermark);
    }

    public override void EndInput() => inner.EndInput();

    public override void Close() => inner.Close();
}

using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Base of two-input operators on streams keyed alike: one keyed backend and one timer service
/// shared by both inputs. Each record reaches <see cref="ProcessKeyed1"/> or <see cref="ProcessKeyed2"/> with its key
/// already the backend's current key; a batch from a keyed edge is scoped with the key groups its sender computed,
/// as the keyed one-input operators do (<see cref="KeyedRecords"/>).
/// </summary>
public abstract class KeyedTwoInputOperator<TKey, TIn1, TIn2, TOut>
    : TwoInputStreamOperator<TIn1, TIn2, TOut>, ITriggerable<TKey, VoidNamespace>
    where TKey : notnull
{
    /// <summary>The name the timers are checkpointed under.</summary>
    public const string TimerServiceName = "user-timers";

    private readonly FirstKeyed _first;
    private readonly SecondKeyed _second;
    private HeapKeyedStateBackend<TKey>? _backend;
    private InternalTimerService<TKey, VoidNamespace>? _timers;

    /// <summary>Keys records of the first input by <paramref name="keySelector1"/> and of the second by <paramref name="keySelector2"/>.</summary>
    protected KeyedTwoInputOperator(Func<TIn1, TKey> keySelector1, Func<TIn2, TKey> keySelector2)
    {
        _first = new FirstKeyed(this, keySelector1);
        _second = new SecondKeyed(this, keySelector2);
    }

    /// <summary>This subtask's keyed state.</summary>
    public HeapKeyedStateBackend<TKey> Backend => _backend ?? throw new InvalidOperationException("Setup was not called.");

    /// <summary>This subtask's timers.</summary>
    public InternalTimerService<TKey, VoidNamespace> Timers => _timers ?? throw new InvalidOperationException("Open was not called.");

    /// <inheritdoc />
    public override IKeyedStateSnapshots? KeyedStateSnapshots => _backend;

    /// <inheritdoc />
    public override void Setup(OperatorContext context, IOutput<TOut> output)
    {
        base.Setup(context, output);
        _backend = HeapKeyedStateBackend<TKey>.For(context);
    }

    /// <inheritdoc />
    public override void Open() => _timers = new InternalTimerService<TKey, VoidNamespace>(TimerServiceName, Backend, Context.ProcessingTime, this);

    /// <summary>Fires the event-time timers the combined watermark passed, then forwards it.</summary>
    public override void ProcessWatermark(long watermark)
    {
        Timers.AdvanceWatermark(watermark);
        Output.EmitWatermark(watermark);
    }

    /// <inheritdoc />
    public abstract void OnEventTime(InternalTimer<TKey, VoidNamespace> timer);

    /// <inheritdoc />
    public abstract void OnProcessingTime(InternalTimer<TKey, VoidNamespace> timer);

    /// <summary>Makes the record's key current, then processes it.</summary>
    public override void ProcessElement1(in StreamRecord<TIn1> record) =>
        ProcessKeyed1(in record, SetKey(KeyedRecords.KeyOf(_first.KeySelector, in record, Context.OperatorName), record.Timestamp));

    /// <summary>Makes the record's key current, then processes it.</summary>
    public override void ProcessElement2(in StreamRecord<TIn2> record) =>
        ProcessKeyed2(in record, SetKey(KeyedRecords.KeyOf(_second.KeySelector, in record, Context.OperatorName), record.Timestamp));

    /// <summary>Scopes the batch's records to their keys, with the sender's key groups when it computed them by this input's selector.</summary>
    public override void ProcessBatch1(ReadOnlySpan<StreamRecord<TIn1>> batch, BatchKeyGroups keyGroups) =>
        KeyedRecords.ProcessBatch(_first, batch, keyGroups, _first.KeySelector, Backend, Context.OperatorName);

    /// <summary>Scopes the batch's records to their keys, with the sender's key groups when it computed them by this input's selector.</summary>
    public override void ProcessBatch2(ReadOnlySpan<StreamRecord<TIn2>> batch, BatchKeyGroups keyGroups) =>
        KeyedRecords.ProcessBatch(_second, batch, keyGroups, _second.KeySelector, Backend, Context.OperatorName);

    /// <summary>Processes a record of the first input; its key is the backend's current key.</summary>
    protected abstract void ProcessKeyed1(in StreamRecord<TIn1> record, TKey key);

    /// <summary>Processes a record of the second input; its key is the backend's current key.</summary>
    protected abstract void ProcessKeyed2(in StreamRecord<TIn2> record, TKey key);

    private TKey SetKey(TKey key, long timestamp)
    {
        Backend.SetCurrentKey(key, timestamp);
        return key;
    }

    // One adapter per input, not the operator itself: it cannot implement IKeyedRecordProcessor for both TIn1 and TIn2,
    // which may be the same type.
    private sealed class FirstKeyed(KeyedTwoInputOperator<TKey, TIn1, TIn2, TOut> op, Func<TIn1, TKey> keySelector)
        : IKeyedRecordProcessor<TIn1, TKey>
    {
        public Func<TIn1, TKey> KeySelector { get; } = keySelector;

        public void ProcessKeyed(in StreamRecord<TIn1> record, TKey key) => op.ProcessKeyed1(in record, key);
    }

    private sealed class SecondKeyed(KeyedTwoInputOperator<TKey, TIn1, TIn2, TOut> op, Func<TIn2, TKey> keySelector)
        : IKeyedRecordProcessor<TIn2, TKey>
    {
        public Func<TIn2, TKey> KeySelector { get; } = keySelector;

        public void ProcessKeyed(in StreamRecord<TIn2> record, TKey key) => op.ProcessKeyed2(in record, key);
    }
}

using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>
/// Base of two-input operators on streams keyed alike: one keyed backend and one timer service
/// shared by both inputs. Subclasses set the current key through <see cref="SelectKey1"/> and
/// <see cref="SelectKey2"/> before touching state.
/// </summary>
public abstract class KeyedTwoInputOperator<TKey, TIn1, TIn2, TOut>(Func<TIn1, TKey> keySelector1, Func<TIn2, TKey> keySelector2)
    : TwoInputStreamOperator<TIn1, TIn2, TOut>, ITriggerable<TKey, VoidNamespace>
    where TKey : notnull
{
    /// <summary>The name the timers are checkpointed under.</summary>
    public const string TimerServiceName = "user-timers";

    private HeapKeyedStateBackend<TKey>? _backend;
    private InternalTimerService<TKey, VoidNamespace>? _timers;

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

    /// <summary>Makes the key of a first-input element current and returns it.</summary>
    protected TKey SelectKey1(in StreamRecord<TIn1> record) => SetKey(keySelector1(record.Value), record.Timestamp);

    /// <summary>Makes the key of a second-input element current and returns it.</summary>
    protected TKey SelectKey2(in StreamRecord<TIn2> record) => SetKey(keySelector2(record.Value), record.Timestamp);

    private TKey SetKey(TKey? key, long timestamp)
    {
        var nonNull = key ?? throw new InvalidOperationException(
            $"A key selector of '{Context.OperatorName}' returned null; keys must not be null.");
        Backend.SetCurrentKey(nonNull, timestamp);
        return nonNull;
    }
}

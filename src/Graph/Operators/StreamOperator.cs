using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators;

/// <summary>The lifecycle every operator in a chain shares; the subtask drives it.</summary>
public interface IStreamOperator
{
    /// <summary>Called once before the first element.</summary>
    void Open();

    /// <summary>Called once when all inputs have ended (bounded input), before <see cref="Close"/>.</summary>
    void EndInput();

    /// <summary>Called once at the end, also after a failure.</summary>
    void Close();

    /// <summary>This operator's keyed state, organised by key group, or null for an operator without keyed state.</summary>
    IKeyedStateSnapshots? KeyedStateSnapshots { get; }

    /// <summary>
    /// Restores the operator (non-keyed) state: the states every subtask of the previous run wrote
    /// for this operator (union redistribution, so it works after a parallelism change); empty on a
    /// fresh start. Called after setup and before <see cref="Open"/>.
    /// </summary>
    void InitializeOperatorState(IReadOnlyList<byte[]> restored);

    /// <summary>
    /// Takes the operator (non-keyed) state at checkpoint barrier <paramref name="checkpointId"/>,
    /// after every record before the barrier; null when the operator has none. Keep it small:
    /// it travels in the checkpoint's metadata.
    /// </summary>
    byte[]? SnapshotOperatorState(long checkpointId);

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed: its side effects may be committed.</summary>
    void NotifyCheckpointComplete(long checkpointId);
}

/// <summary>
/// Base of all operators: holds the output and context. Subclasses override only what they need;
/// watermarks are forwarded unchanged by default.
/// </summary>
public abstract class StreamOperator<TOut> : IStreamOperator
{
    private IOutput<TOut>? _output;
    private OperatorContext? _context;

    /// <summary>Where the operator emits.</summary>
    protected IOutput<TOut> Output => _output ?? throw new InvalidOperationException("Setup was not called.");

    /// <summary>The subtask this operator runs in.</summary>
    protected OperatorContext Context => _context ?? throw new InvalidOperationException("Setup was not called.");

    /// <summary>Connects the operator to its subtask and output; called once before <see cref="Open"/>.</summary>
    public virtual void Setup(OperatorContext context, IOutput<TOut> output)
    {
        _context = context;
        _output = output;
    }

    /// <inheritdoc />
    public virtual void Open() { }

    /// <inheritdoc />
    public virtual void EndInput() { }

    /// <inheritdoc />
    public virtual void Close() { }

    /// <inheritdoc />
    public virtual IKeyedStateSnapshots? KeyedStateSnapshots => null;

    /// <inheritdoc />
    public virtual void InitializeOperatorState(IReadOnlyList<byte[]> restored) { }

    /// <inheritdoc />
    public virtual byte[]? SnapshotOperatorState(long checkpointId) => null;

    /// <inheritdoc />
    public virtual void NotifyCheckpointComplete(long checkpointId) { }

    /// <summary>Advances event time; by default forwards the watermark.</summary>
    public virtual void ProcessWatermark(long watermark) => Output.EmitWatermark(watermark);

    /// <summary>The input became idle or active; by default forwards the status.</summary>
    public virtual void ProcessWatermarkStatus(bool idle) => Output.EmitWatermarkStatus(idle);
}

/// <summary>An operator with one input.</summary>
public abstract class OneInputStreamOperator<TIn, TOut> : StreamOperator<TOut>, IInput<TIn>
{
    /// <inheritdoc />
    public abstract void ProcessElement(in StreamRecord<TIn> record);

    /// <inheritdoc />
    public virtual void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch)
    {
        foreach (ref readonly var record in batch)
            ProcessElement(in record);
    }

    /// <inheritdoc />
    public virtual void ProcessBatch(ReadOnlySpan<StreamRecord<TIn>> batch, BatchKeyGroups keyGroups) => ProcessBatch(batch);
}

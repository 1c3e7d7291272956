using ActorStream.Graph.Runtime;

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
}

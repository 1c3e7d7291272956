using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;

namespace ActorStream.Testing;

/// <summary>
/// Runs one two-input operator without any runtime (Flink's KeyedTwoInputStreamOperatorTestHarness): the
/// constructor calls Setup with a collecting output; tests drive both inputs, snapshots and restores.
/// </summary>
public sealed class TwoInputOperatorHarness<TIn1, TIn2, TOut> : IOperatorHarness
{
    /// <summary>Sets up <paramref name="op"/> with <paramref name="context"/> (default: a single streaming subtask).</summary>
    public TwoInputOperatorHarness(TwoInputStreamOperator<TIn1, TIn2, TOut> op, OperatorContext? context = null)
    {
        Operator = op;
        Context = context ?? OperatorHarness.Subtask();
        op.Setup(Context, Output);
    }

    /// <summary>The operator under test.</summary>
    public TwoInputStreamOperator<TIn1, TIn2, TOut> Operator { get; }

    /// <summary>The subtask context the operator was set up with.</summary>
    public OperatorContext Context { get; }

    /// <summary>Everything the operator emitted.</summary>
    public CollectingOutput<TOut> Output { get; } = new();

    /// <inheritdoc />
    public IStreamOperator StreamOperator => Operator;

    /// <inheritdoc />
    public IReadOnlyList<OutputEvent> Events => Output.Events;

    /// <inheritdoc />
    public ManualProcessingTimeService Clock => Harnesses.ManualClock(Context);

    /// <inheritdoc />
    public long? LastWatermark { get; private set; }

    /// <summary>The main-output values so far.</summary>
    public IReadOnlyList<TOut> Values => Output.Values;

    /// <summary>Restores the operator (before <see cref="Open"/>) from the snapshots of the previous run's subtasks.</summary>
    public TwoInputOperatorHarness<TIn1, TIn2, TOut> InitializeState(params OperatorSnapshot[] snapshots)
    {
        OperatorSnapshot.Restore(Operator, snapshots);
        return this;
    }

    /// <summary>Opens the operator.</summary>
    public TwoInputOperatorHarness<TIn1, TIn2, TOut> Open()
    {
        Operator.Open();
        return this;
    }

    /// <inheritdoc />
    public void OpenOperator() => Open();

    /// <inheritdoc />
    public void ClearOutput() => Output.Clear();

    /// <inheritdoc />
    public void Close() => Operator.Close();

    /// <summary>Takes the operator's snapshot at checkpoint <paramref name="checkpointId"/>.</summary>
    public OperatorSnapshot Snapshot(long checkpointId, bool onlyDirty = false) => OperatorSnapshot.Take(Operator, checkpointId, onlyDirty);

    /// <summary>Feeds an element to the first input.</summary>
    public void ProcessElement1(TIn1 value, long timestamp = StreamRecord<TIn1>.NoTimestamp) =>
        Operator.ProcessElement1(new StreamRecord<TIn1>(value, timestamp));

    /// <summary>Feeds an element to the second input.</summary>
    public void ProcessElement2(TIn2 value, long timestamp = StreamRecord<TIn2>.NoTimestamp) =>
        Operator.ProcessElement2(new StreamRecord<TIn2>(value, timestamp));

    /// <summary>Feeds the same watermark to both inputs.</summary>
    public void ProcessWatermark(long watermark)
    {
        LastWatermark = watermark;
        Operator.ProcessWatermark1(watermark);
        Operator.ProcessWatermark2(watermark);
    }
}

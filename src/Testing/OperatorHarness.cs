using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;

namespace ActorStream.Testing;

/// <summary>
/// Runs one one-input operator without any runtime, like Flink's OneInputStreamOperatorTestHarness:
/// the constructor calls Setup with a collecting output; tests then drive Open, elements, watermarks,
/// EndInput and Close. Keyed operators carry their own key selector, so the same harness serves them
/// (like KeyedOneInputStreamOperatorTestHarness). <see cref="Snapshot"/> and <see cref="InitializeState"/>
/// take and restore checkpoints as the runtime does, also into another parallelism.
/// </summary>
public sealed class OperatorHarness<TIn, TOut> : IOperatorHarness
{
    /// <summary>Sets up <paramref name="op"/> with <paramref name="context"/> (default: a single streaming subtask).</summary>
    public OperatorHarness(OneInputStreamOperator<TIn, TOut> op, OperatorContext? context = null)
    {
        Operator = op;
        Context = context ?? OperatorContext.ForTest();
        op.Setup(Context, Output);
    }

    /// <summary>The operator under test.</summary>
    public OneInputStreamOperator<TIn, TOut> Operator { get; }

    /// <summary>The subtask context the operator was set up with.</summary>
    public OperatorContext Context { get; }

    /// <summary>Everything the operator emitted.</summary>
    public CollectingOutput<TOut> Output { get; } = new();

    /// <inheritdoc />
    public IStreamOperator StreamOperator => Operator;

    /// <inheritdoc />
    public IReadOnlyList<OutputEvent> Events => Output.Events;

    /// <summary>The main-output values so far.</summary>
    public IReadOnlyList<TOut> Values => Output.Values;

    /// <summary>The main-output records so far.</summary>
    public IReadOnlyList<StreamRecord<TOut>> Records => Output.Records;

    /// <summary>The processing-time clock of the subtask (a manual clock unless the context brought another).</summary>
    public ManualProcessingTimeService Clock => Harnesses.ManualClock(Context);

    /// <summary>The subtask's mailbox, where calls completed on other threads (async I/O) post their results.</summary>
    public ManualOperatorMailbox Mailbox => Harnesses.ManualMailbox(Context);

    /// <summary>Runs the mail posted so far on this thread, as the subtask does between batches; returns how many mails ran.</summary>
    public int ProcessMailbox() => Mailbox.RunPending();

    /// <summary>
    /// Runs mail as it arrives until <paramref name="condition"/> holds, for calls that complete on other threads (a
    /// Task.Delay, a real client); fails when no mail comes for the mailbox's yield timeout.
    /// </summary>
    public void ProcessMailboxUntil(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ProcessMailbox();
        while (!condition())
            Mailbox.Yield();
    }

    /// <summary>Restores the operator (before <see cref="Open"/>) from the snapshots of the previous run's subtasks.</summary>
    public OperatorHarness<TIn, TOut> InitializeState(params OperatorSnapshot[] snapshots)
    {
        OperatorSnapshot.Restore(Operator, snapshots);
        return this;
    }

    /// <summary>Takes the operator's snapshot at checkpoint <paramref name="checkpointId"/>: every key group, or only the dirty ones.</summary>
    public OperatorSnapshot Snapshot(long checkpointId, bool onlyDirty = false) => OperatorSnapshot.Take(Operator, checkpointId, onlyDirty);

    /// <summary>Opens the operator.</summary>
    public OperatorHarness<TIn, TOut> Open()
    {
        Operator.Open();
        return this;
    }

    /// <inheritdoc />
    public void OpenOperator() => Open();

    /// <inheritdoc />
    public void ClearOutput() => Output.Clear();

    /// <summary>Feeds one element, with <paramref name="timestamp"/> or none.</summary>
    public void ProcessElement(TIn value, long timestamp = StreamRecord<TIn>.NoTimestamp) =>
        Operator.ProcessElement(new StreamRecord<TIn>(value, timestamp));

    /// <summary>Feeds elements without timestamps, in order.</summary>
    public void ProcessElements(params TIn[] values)
    {
        foreach (var value in values)
            ProcessElement(value);
    }

    /// <summary>The last watermark fed, if any.</summary>
    public long? LastWatermark { get; private set; }

    /// <summary>Feeds a watermark.</summary>
    public void ProcessWatermark(long watermark)
    {
        LastWatermark = watermark;
        Operator.ProcessWatermark(watermark);
    }

    /// <summary>Signals the end of a bounded input.</summary>
    public void EndInput() => Operator.EndInput();

    /// <summary>Closes the operator.</summary>
    public void Close() => Operator.Close();

    /// <summary>The value of this subtask's counter <paramref name="name"/> (0 when never used).</summary>
    public long Counter(string name) => Context.Counters.Snapshot().GetValueOrDefault(name);
}

/// <summary>Creates harnesses, also for the operators the public API builds.</summary>
public static class OperatorHarness
{
    /// <summary>A harness around <paramref name="op"/>.</summary>
    public static OperatorHarness<TIn, TOut> For<TIn, TOut>(OneInputStreamOperator<TIn, TOut> op, OperatorContext? context = null) =>
        new(op, context);

    /// <summary>
    /// A harness around a fresh instance of the operator that produces <paramref name="stream"/>,
    /// created from its transformation exactly as a subtask creates it.
    /// </summary>
    public static OperatorHarness<TIn, TOut> ForStream<TIn, TOut>(DataStream<TOut> stream, OperatorContext? context = null) =>
        new(CreateOperator<TIn, TOut>(stream.Transformation), context);

    /// <summary>A harness around a fresh instance of the sink operator behind <paramref name="sink"/>.</summary>
    public static OperatorHarness<T, T> ForSink<T>(DataStreamSink<T> sink, OperatorContext? context = null) =>
        new(CreateOperator<T, T>(sink.Transformation), context);

    /// <summary>A single-subtask context, or subtask <paramref name="subtaskIndex"/> of <paramref name="parallelism"/>, on a manual clock at <paramref name="now"/>.</summary>
    public static OperatorContext Subtask(int subtaskIndex = 0, int parallelism = 1, long now = 0, int maxParallelism = 128) =>
        OperatorContext.ForTest(subtaskIndex: subtaskIndex, parallelism: parallelism, maxParallelism: maxParallelism,
            processingTime: new ManualProcessingTimeService(now));

    /// <summary>A fresh operator instance of a one-input transformation.</summary>
    public static OneInputStreamOperator<TIn, TOut> CreateOperator<TIn, TOut>(Transformation transformation)
    {
        var oneInput = Harnesses.Expect<OneInputTransformation>(transformation, "a one-input operator (map, process, keyed aggregation, window)");
        return Harnesses.Expect<OneInputStreamOperator<TIn, TOut>>(oneInput.CreateOperator(new PlanSettings()),
            $"an operator from {typeof(TIn).Name} to {typeof(TOut).Name}");
    }
}

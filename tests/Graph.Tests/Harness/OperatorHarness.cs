using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Tests.Harness;

/// <summary>
/// Runs one one-input operator without any runtime, like Flink's OneInputStreamOperatorTestHarness:
/// the constructor calls Setup with a collecting output; tests then drive Open, elements, watermarks,
/// EndInput and Close. Keyed operators carry their own key selector, so the same harness serves them
/// (like KeyedOneInputStreamOperatorTestHarness).
/// </summary>
public sealed class OperatorHarness<TIn, TOut>
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

    /// <summary>The main-output values so far.</summary>
    public IReadOnlyList<TOut> Values => Output.Values;

    /// <summary>The main-output records so far.</summary>
    public IReadOnlyList<StreamRecord<TOut>> Records => Output.Records;

    /// <summary>Opens the operator.</summary>
    public OperatorHarness<TIn, TOut> Open()
    {
        Operator.Open();
        return this;
    }

    /// <summary>Feeds one element, with <paramref name="timestamp"/> or none.</summary>
    public void ProcessElement(TIn value, long timestamp = StreamRecord<TIn>.NoTimestamp) =>
        Operator.ProcessElement(new StreamRecord<TIn>(value, timestamp));

    /// <summary>Feeds elements without timestamps, in order.</summary>
    public void ProcessElements(params TIn[] values)
    {
        foreach (var value in values)
            ProcessElement(value);
    }

    /// <summary>Feeds a watermark.</summary>
    public void ProcessWatermark(long watermark) => Operator.ProcessWatermark(watermark);

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

    /// <summary>A fresh operator instance of a one-input transformation.</summary>
    public static OneInputStreamOperator<TIn, TOut> CreateOperator<TIn, TOut>(Transformation transformation)
    {
        var oneInput = Assert.IsType<OneInputTransformation>(transformation);
        return Assert.IsAssignableFrom<OneInputStreamOperator<TIn, TOut>>(oneInput.CreateOperator(new PlanSettings()));
    }
}

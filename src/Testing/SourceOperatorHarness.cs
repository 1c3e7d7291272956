using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;

namespace ActorStream.Testing;

/// <summary>Runs a <see cref="SourceOperator{T}"/> without any runtime: the test polls it as a source subtask would.</summary>
public sealed class SourceOperatorHarness<T>
{
    /// <summary>Polls allowed in <see cref="RunToEnd"/> before the source is deemed endless.</summary>
    public const int MaxPolls = 100_000;

    /// <summary>Sets up <paramref name="op"/> with <paramref name="context"/> (default: a single streaming subtask).</summary>
    public SourceOperatorHarness(SourceOperator<T> op, OperatorContext? context = null)
    {
        Operator = op;
        Context = context ?? OperatorContext.ForTest();
        op.Setup(Context, Output);
    }

    /// <summary>The source operator under test.</summary>
    public SourceOperator<T> Operator { get; }

    /// <summary>The subtask context the operator was set up with.</summary>
    public OperatorContext Context { get; }

    /// <summary>Everything the source emitted.</summary>
    public CollectingOutput<T> Output { get; } = new();

    /// <summary>The values emitted so far.</summary>
    public IReadOnlyList<T> Values => Output.Values;

    /// <summary>A harness for a source with the given strategy (per-event watermarks when <paramref name="emitWatermarkPerEvent"/>).</summary>
    public static SourceOperatorHarness<T> Create(ISource<T> source, WatermarkStrategy<T>? strategy = null,
        bool emitWatermarkPerEvent = false, OperatorContext? context = null) =>
        new(new SourceOperator<T>(source, strategy ?? WatermarkStrategy<T>.NoWatermarks(), emitWatermarkPerEvent), context);

    /// <summary>A harness around a fresh source operator of <paramref name="stream"/>, built with <paramref name="settings"/>.</summary>
    public static SourceOperatorHarness<T> ForStream(DataStream<T> stream, PlanSettings? settings = null, OperatorContext? context = null)
    {
        var transformation = Harnesses.Expect<SourceTransformation<T>>(stream.Transformation, "a source");
        return new(Harnesses.Expect<SourceOperator<T>>(transformation.CreateOperator(settings ?? new PlanSettings()), "a source operator"), context);
    }

    /// <summary>Opens the operator (creates the reader and the watermark generator).</summary>
    public SourceOperatorHarness<T> Open()
    {
        Operator.Open();
        return this;
    }

    /// <summary>Polls the reader once.</summary>
    public InputStatus EmitNext() => Operator.EmitNext();

    /// <summary>Asks the watermark generator for its periodic watermark.</summary>
    public void EmitPeriodicWatermark() => Operator.EmitPeriodicWatermark();

    /// <summary>
    /// Polls until the reader reports the end of its input, optionally asking for a periodic watermark
    /// after every poll, then signals EndInput. Returns the number of polls.
    /// </summary>
    public int RunToEnd(bool periodicWatermarkAfterEachPoll = false)
    {
        for (var polls = 1; polls <= MaxPolls; polls++)
        {
            var status = EmitNext();
            if (periodicWatermarkAfterEachPoll)
                EmitPeriodicWatermark();
            if (status == InputStatus.EndOfInput)
            {
                EndInput();
                return polls;
            }
        }
        throw new InvalidOperationException($"The source did not end within {MaxPolls} polls.");
    }

    /// <summary>Signals the end of the input.</summary>
    public void EndInput() => Operator.EndInput();

    /// <summary>Closes the operator.</summary>
    public void Close() => Operator.Close();
}

using ActorStream.Graph;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Runtime;

namespace ActorStream.Testing;

/// <summary>
/// Harnesses around a user's function, as Flink's ProcessFunctionTestHarnesses: the function is put into the operator
/// the DataStream API would build for it, with no runtime around it, so a test drives elements, watermarks, processing
/// time and snapshot/restore and reads exactly what the function emitted.
/// </summary>
public static class Harnesses
{
    /// <summary>A harness for a <see cref="ProcessFunction{TIn, TOut}"/> (non-keyed).</summary>
    public static OperatorHarness<TIn, TOut> ForProcessFunction<TIn, TOut>(ProcessFunction<TIn, TOut> function, OperatorContext? context = null) =>
        OperatorHarness.ForStream<TIn, TOut>(Input<TIn>().Process(function), context);

    /// <summary>A harness for a <see cref="KeyedProcessFunction{TKey, TIn, TOut}"/> with keyed state and timers.</summary>
    public static OperatorHarness<TIn, TOut> ForKeyedProcessFunction<TKey, TIn, TOut>(KeyedProcessFunction<TKey, TIn, TOut> function,
        Func<TIn, TKey> keySelector, OperatorContext? context = null) where TKey : notnull =>
        OperatorHarness.ForStream<TIn, TOut>(Input<TIn>().KeyBy(keySelector).Process(function), context);

    /// <summary>
    /// A harness for whatever <paramref name="build"/> makes of a keyed stream: a window with its function, a keyed
    /// aggregation, a keyed map (e.g. <c>keyed => keyed.Window(TumblingEventTimeWindows.Of(...)).Sum(x => x.Amount)</c>).
    /// </summary>
    public static OperatorHarness<TIn, TOut> ForKeyed<TIn, TKey, TOut>(Func<TIn, TKey> keySelector,
        Func<KeyedStream<TIn, TKey>, DataStream<TOut>> build, OperatorContext? context = null) where TKey : notnull =>
        OperatorHarness.ForStream<TIn, TOut>(build(Input<TIn>().KeyBy(keySelector)), context);

    /// <summary>A harness for whatever <paramref name="build"/> makes of a stream (map, flat map, process, ...).</summary>
    public static OperatorHarness<TIn, TOut> For<TIn, TOut>(Func<DataStream<TIn>, DataStream<TOut>> build, OperatorContext? context = null) =>
        OperatorHarness.ForStream<TIn, TOut>(build(Input<TIn>()), context);

    /// <summary>A stream to build on: its source is never run, only the operator built on it.</summary>
    private static DataStream<T> Input<T>() => StreamExecutionEnvironment.Create().FromCollection<T>([]);

    internal static ManualProcessingTimeService ManualClock(OperatorContext context) =>
        context.ProcessingTime as ManualProcessingTimeService ?? throw new InvalidOperationException(
            "This harness's operator runs on a real clock; create it with OperatorHarness.Subtask(...) to drive processing time by hand.");

    internal static ManualOperatorMailbox ManualMailbox(OperatorContext context) =>
        context.Mailbox as ManualOperatorMailbox ?? throw new InvalidOperationException(
            "This harness's operator runs with a runtime mailbox; create its context with OperatorHarness.Subtask(...) to run mail by hand.");

    internal static T Expect<T>(object value, string what) =>
        value is T typed ? typed : throw new ArgumentException($"The harness needs {what}, but got {value.GetType().Name}.");
}

using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// A <see cref="WindowOperator{TKey,TIn,TAcc,TOut,W}"/> with an evictor (Flink's EvictingWindowOperator): panes
/// buffer every element with its timestamp, and when a window fires the evictor may remove elements before and
/// after the window function runs; what remains stays in the pane.
/// </summary>
public sealed class EvictingWindowOperator<TKey, TIn, TOut, W>
    : WindowOperator<TKey, TIn, List<TimestampedValue<TIn>>, TOut, W> where TKey : notnull where W : Window
{
    private readonly Evictor<TIn, W> _evictor;

    internal EvictingWindowOperator(
        WindowAssigner<TIn, W> assigner,
        Func<TIn, TKey> keySelector,
        InternalWindowFunction<IEnumerable<TIn>, TOut, TKey, W> function,
        Trigger<TIn, W> trigger,
        Evictor<TIn, W> evictor,
        long allowedLateness,
        OutputTag<TIn>? lateDataTag)
        : base(assigner, keySelector, Buffer, new ProjectingWindowFunction<TIn, TOut, TKey, W>(function), trigger, allowedLateness, lateDataTag) =>
        _evictor = evictor;

    /// <inheritdoc />
    private protected override void EmitWindowContents(W window, W stateWindow, List<TimestampedValue<TIn>> contents)
    {
        _evictor.EvictBefore(contents, window, ProcessContext);
        base.EmitWindowContents(window, stateWindow, contents);
        _evictor.EvictAfter(contents, window, ProcessContext);
        // The evictors edited the buffered list; keep exactly what they left (an emptied pane no longer exists).
        ((TimestampedWindowContents<TIn, W>)Contents).Replace(stateWindow, contents);
    }

    private static WindowContents<TIn, List<TimestampedValue<TIn>>, W> Buffer(IKeyedStateStore backend) =>
        new TimestampedWindowContents<TIn, W>(backend);
}

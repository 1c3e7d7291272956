using ActorStream.Graph.Operators;
using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Operators.Windowing.Slicing;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>
/// A keyed stream cut into windows by an assigner: configure the trigger, evictor, allowed lateness and late
/// side output, then apply a window function (Flink's WindowedStream).
/// </summary>
public sealed partial class WindowedStream<T, TKey, W> where TKey : notnull where W : Window
{
    private readonly KeyedStream<T, TKey> _input;
    private readonly WindowAssigner<T, W> _assigner;
    private readonly bool _nonParallel;
    private Trigger<T, W> _trigger;
    private Evictor<T, W>? _evictor;
    private long _allowedLateness;
    private OutputTag<T>? _lateDataTag;
    private bool _customTrigger;
    private bool _slicing = true;

    internal WindowedStream(KeyedStream<T, TKey> input, WindowAssigner<T, W> assigner, bool nonParallel = false)
    {
        _input = input;
        _assigner = assigner ?? throw new ArgumentNullException(nameof(assigner));
        _nonParallel = nonParallel;
        _trigger = assigner.GetDefaultTrigger();
    }

    /// <summary>Replaces the assigner's default trigger.</summary>
    public WindowedStream<T, TKey, W> Trigger(Trigger<T, W> trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_assigner is MergingWindowAssigner<T, W> && !trigger.CanMerge)
            throw new NotSupportedException("A merging window assigner cannot be used with a trigger that does not support merging.");
        _trigger = trigger;
        _customTrigger = true;
        return this;
    }

    /// <summary>Removes elements from fired windows; the windows then buffer all elements instead of aggregating incrementally.</summary>
    public WindowedStream<T, TKey, W> Evictor(Evictor<T, W> evictor)
    {
        _evictor = evictor ?? throw new ArgumentNullException(nameof(evictor));
        return this;
    }

    /// <summary>
    /// Keeps event-time windows for <paramref name="lateness"/> after their end: elements arriving then are added
    /// and fire the window again; later ones are dropped or sent to <see cref="SideOutputLateData"/>. Default: zero.
    /// </summary>
    public WindowedStream<T, TKey, W> AllowedLateness(TimeSpan lateness)
    {
        var millis = Durations.ToMillis(lateness);
        if (millis < 0)
            throw new ArgumentOutOfRangeException(nameof(lateness), lateness, "The allowed lateness cannot be negative.");
        _allowedLateness = millis;
        return this;
    }

    /// <summary>Sends elements that arrive after their windows' allowed lateness to the side output <paramref name="tag"/>.</summary>
    public WindowedStream<T, TKey, W> SideOutputLateData(OutputTag<T> tag)
    {
        _lateDataTag = tag ?? throw new ArgumentNullException(nameof(tag));
        return this;
    }

    /// <summary>
    /// Turns slicing on (the default) or off. Reduce and Aggregate over sliding event-time windows whose size is a multiple
    /// of the slide, with the default trigger, no evictor and no allowed lateness, keep one accumulator per slide-long
    /// slice and merge a window's slices when it fires (Flink SQL's window aggregation), so a record updates one slice
    /// instead of size / slide windows. The results are the same; the aggregate's Merge (or the reduce function) combines
    /// slices, so it must be correct. Off keeps every window whole, as Flink's DataStream API does; its checkpoints and
    /// savepoints are not interchangeable with sliced ones.
    /// </summary>
    public WindowedStream<T, TKey, W> Slicing(bool enabled)
    {
        _slicing = enabled;
        return this;
    }

    /// <summary>Reduces each window incrementally with <paramref name="reduce"/>; emits the reduced value.</summary>
    public DataStream<T> Reduce(Func<T, T, T> reduce) => Reduce(new LambdaFunctions.ReduceFn<T>(reduce));

    /// <summary>Reduces each window incrementally with a (non-rich) reduce function; emits the reduced value.</summary>
    public DataStream<T> Reduce(IReduceFunction<T> function)
    {
        RequireNotRich(function, "ReduceFunction of reduce can not be a RichFunction. Please use Reduce(reduce, ProcessWindowFunction) instead.");
        return Apply<T, T>("Reduce",
            backend => new ReducingWindowContents<T, W>(backend, function.Reduce),
            () => new PassThroughWindowFunction<T, TKey, W>(),
            () => new IterableReduceWindowFunction<T, T, TKey, W>(function.Reduce, new PassThroughWindowFunction<T, TKey, W>()),
            backend => new ReducingSliceContents<T>(backend, function.Reduce));
    }

    /// <summary>Reduces each window incrementally, then hands the one reduced value to <paramref name="function"/> with the window.</summary>
    public DataStream<TOut> Reduce<TOut>(Func<T, T, T> reduce, ProcessWindowFunction<T, TOut, TKey, W> function) =>
        Reduce(new LambdaFunctions.ReduceFn<T>(reduce), function);

    /// <summary>Reduces each window incrementally, then hands the one reduced value to <paramref name="function"/> with the window.</summary>
    public DataStream<TOut> Reduce<TOut>(IReduceFunction<T> reduce, ProcessWindowFunction<T, TOut, TKey, W> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        RequireNotRich(reduce, "ReduceFunction of reduce can not be a RichFunction.");
        return Apply<T, TOut>($"Reduce, {function.GetType().Name}",
            backend => new ReducingWindowContents<T, W>(backend, reduce.Reduce),
            () => new SingleValueProcessWindowFunction<T, TOut, TKey, W>(FunctionCopies.PerSubtask(function)),
            () => new IterableReduceWindowFunction<T, TOut, TKey, W>(reduce.Reduce,
                new SingleValueProcessWindowFunction<T, TOut, TKey, W>(FunctionCopies.PerSubtask(function))),
            backend => new ReducingSliceContents<T>(backend, reduce.Reduce));
    }

    /// <summary>Aggregates each window incrementally with <paramref name="function"/>; emits its result.</summary>
    public DataStream<TOut> Aggregate<TAcc, TOut>(IAggregateFunction<T, TAcc, TOut> function)
    {
        RequireNotRich(function, "This aggregation function cannot be a RichFunction.");
        return Apply<TOut, TOut>("Aggregate",
            backend => new AggregatingWindowContents<T, TAcc, TOut, W>(backend, function),
            () => new PassThroughWindowFunction<TOut, TKey, W>(),
            () => new IterableAggregateWindowFunction<T, TAcc, TOut, TOut, TKey, W>(function, new PassThroughWindowFunction<TOut, TKey, W>()),
            backend => new AggregatingSliceContents<T, TAcc, TOut>(backend, function));
    }

    /// <summary>Aggregates each window incrementally, then hands the one result to <paramref name="function"/> with the window.</summary>
    public DataStream<TOut> Aggregate<TAcc, TAgg, TOut>(
        IAggregateFunction<T, TAcc, TAgg> aggregate, ProcessWindowFunction<TAgg, TOut, TKey, W> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        RequireNotRich(aggregate, "This aggregation function cannot be a RichFunction.");
        return Apply<TAgg, TOut>($"Aggregate, {function.GetType().Name}",
            backend => new AggregatingWindowContents<T, TAcc, TAgg, W>(backend, aggregate),
            () => new SingleValueProcessWindowFunction<TAgg, TOut, TKey, W>(FunctionCopies.PerSubtask(function)),
            () => new IterableAggregateWindowFunction<T, TAcc, TAgg, TOut, TKey, W>(aggregate,
                new SingleValueProcessWindowFunction<TAgg, TOut, TKey, W>(FunctionCopies.PerSubtask(function))),
            backend => new AggregatingSliceContents<T, TAcc, TAgg>(backend, aggregate));
    }

    /// <summary>Evaluates each window with all its elements; the window buffers them until it fires.</summary>
    public DataStream<TOut> Process<TOut>(ProcessWindowFunction<T, TOut, TKey, W> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Apply<IEnumerable<T>, TOut>(function.GetType().Name,
            backend => new ListWindowContents<T, W>(backend),
            () => new IterableProcessWindowFunction<T, TOut, TKey, W>(FunctionCopies.PerSubtask(function)),
            () => new IterableProcessWindowFunction<T, TOut, TKey, W>(FunctionCopies.PerSubtask(function)));
    }

    /// <summary>
    /// Adds the window operator. Without an evictor, panes keep <typeparamref name="TAcc"/> built incrementally by
    /// <paramref name="contents"/>; with one, panes buffer the elements and <paramref name="evictingFunction"/> runs over them;
    /// sliding windows that can be sliced keep <paramref name="slices"/> instead of panes (see <see cref="Slicing"/>).
    /// </summary>
    private DataStream<TOut> Apply<TAcc, TOut>(
        string description,
        Func<IKeyedStateStore, WindowContents<T, TAcc, W>> contents,
        Func<InternalWindowFunction<TAcc, TOut, TKey, W>> function,
        Func<InternalWindowFunction<IEnumerable<T>, TOut, TKey, W>> evictingFunction,
        Func<IKeyedStateStore, SliceContents<T, TAcc>>? slices = null)
    {
        // Capture the configuration now: later calls on this builder must not change an operator already added.
        var (assigner, trigger, evictor, lateness, lateTag, keySelector) =
            (_assigner, _trigger, _evictor, _allowedLateness, _lateDataTag, _input.KeySelector);
        string name;
        Func<IStreamOperator> create;
        if (slices is not null && SlicedAssigner() is { } sliced)
        {
            name = $"SlicingWindow({assigner}, {trigger}, {description})";
            create = () => new SlicingWindowOperator<TKey, T, TAcc, TOut>(sliced, keySelector, slices,
                (InternalWindowFunction<TAcc, TOut, TKey, TimeWindow>)(object)function(), lateTag);
        }
        else if (evictor is null)
        {
            name = $"Window({assigner}, {trigger}, {description})";
            create = () => new WindowOperator<TKey, T, TAcc, TOut, W>(assigner, keySelector, contents, function(), trigger, lateness, lateTag);
        }
        else
        {
            name = $"EvictingWindow({assigner}, {trigger}, {evictor}, {description})";
            create = () => new EvictingWindowOperator<TKey, T, TOut, W>(assigner, keySelector, evictingFunction(), trigger, evictor, lateness, lateTag);
        }
        var result = _input.OneInput<TOut>(name, create, isKeyed: true);
        return _nonParallel ? result.SetParallelism(1) : result;
    }

    /// <summary>The sliding event-time assigner when this windowed stream can be sliced; null otherwise.</summary>
    private SlidingEventTimeWindows? SlicedAssigner() =>
        _slicing && _evictor is null && _allowedLateness == 0 && !_customTrigger
            && _assigner is AnyElementWindowAssigner<T, W> { Inner: SlidingEventTimeWindows sliding }
            && WindowSlicing.CanSlice(sliding)
            ? sliding
            : null;

    private static void RequireNotRich(object function, string message)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function is RichFunction)
            throw new NotSupportedException(message);
    }
}

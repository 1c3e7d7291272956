using ActorStream.Graph.Operators.Windowing;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph;

/// <summary>
/// A non-keyed stream cut into windows (Flink's AllWindowedStream): every element goes to one window operator
/// with parallelism 1, implemented as a stream keyed by a constant.
/// </summary>
public sealed class AllWindowedStream<T, W> where W : Window
{
    private readonly WindowedStream<T, byte, W> _windowed;

    internal AllWindowedStream(DataStream<T> input, WindowAssigner<T, W> assigner) =>
        _windowed = new WindowedStream<T, byte, W>(input.KeyBy(static _ => (byte)0), assigner, nonParallel: true);

    /// <summary>Replaces the assigner's default trigger.</summary>
    public AllWindowedStream<T, W> Trigger(Trigger<T, W> trigger)
    {
        _windowed.Trigger(trigger);
        return this;
    }

    /// <summary>Removes elements from fired windows; the windows then buffer all elements.</summary>
    public AllWindowedStream<T, W> Evictor(Evictor<T, W> evictor)
    {
        _windowed.Evictor(evictor);
        return this;
    }

    /// <summary>Keeps event-time windows for <paramref name="lateness"/> after their end (default zero).</summary>
    public AllWindowedStream<T, W> AllowedLateness(TimeSpan lateness)
    {
        _windowed.AllowedLateness(lateness);
        return this;
    }

    /// <summary>Sends elements that arrive after their windows' allowed lateness to the side output <paramref name="tag"/>.</summary>
    public AllWindowedStream<T, W> SideOutputLateData(OutputTag<T> tag)
    {
        _windowed.SideOutputLateData(tag);
        return this;
    }

    /// <summary>Reduces each window incrementally with <paramref name="reduce"/>.</summary>
    public DataStream<T> Reduce(Func<T, T, T> reduce) => _windowed.Reduce(reduce);

    /// <summary>Reduces each window incrementally with a (non-rich) reduce function.</summary>
    public DataStream<T> Reduce(IReduceFunction<T> function) => _windowed.Reduce(function);

    /// <summary>Reduces each window incrementally, then hands the reduced value to <paramref name="function"/>.</summary>
    public DataStream<TOut> Reduce<TOut>(Func<T, T, T> reduce, ProcessAllWindowFunction<T, TOut, W> function) =>
        _windowed.Reduce(reduce, Keyed(function));

    /// <summary>Reduces each window incrementally, then hands the reduced value to <paramref name="function"/>.</summary>
    public DataStream<TOut> Reduce<TOut>(IReduceFunction<T> reduce, ProcessAllWindowFunction<T, TOut, W> function) =>
        _windowed.Reduce(reduce, Keyed(function));

    /// <summary>Aggregates each window incrementally with <paramref name="function"/>.</summary>
    public DataStream<TOut> Aggregate<TAcc, TOut>(IAggregateFunction<T, TAcc, TOut> function) => _windowed.Aggregate(function);

    /// <summary>Aggregates each window incrementally, then hands the result to <paramref name="function"/>.</summary>
    public DataStream<TOut> Aggregate<TAcc, TAgg, TOut>(IAggregateFunction<T, TAcc, TAgg> aggregate, ProcessAllWindowFunction<TAgg, TOut, W> function) =>
        _windowed.Aggregate(aggregate, Keyed(function));

    /// <summary>Evaluates each window with all its elements.</summary>
    public DataStream<TOut> Process<TOut>(ProcessAllWindowFunction<T, TOut, W> function) => _windowed.Process(Keyed(function));

    private static ProcessAllWindowFunctionAdapter<TIn, TOut, W> Keyed<TIn, TOut>(ProcessAllWindowFunction<TIn, TOut, W> function) =>
        new(function ?? throw new ArgumentNullException(nameof(function)));
}

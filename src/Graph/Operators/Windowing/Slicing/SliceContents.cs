using ActorStream.Graph.State;

namespace ActorStream.Graph.Operators.Windowing.Slicing;

/// <summary>
/// The per-key slices of a slicing window operator, each under its end: one accumulator per (key, slice) in the keyed
/// backend, so that a record updates one slice and a window is the merge of the slices it covers.
/// </summary>
/// <typeparam name="TIn">The element type.</typeparam>
/// <typeparam name="TAgg">What a window's merged slices hand the window function.</typeparam>
internal abstract class SliceContents<TIn, TAgg>
{
    /// <summary>Adds <paramref name="value"/> to the current key's slice ending at <paramref name="sliceEnd"/>.</summary>
    public abstract void Add(long sliceEnd, TIn value);

    /// <summary>True when the current key has a slice ending at <paramref name="sliceEnd"/>.</summary>
    public abstract bool Contains(long sliceEnd);

    /// <summary>
    /// Merges the current key's slices ending at <paramref name="firstEnd"/>, <paramref name="firstEnd"/> + <paramref name="step"/>,
    /// ... up to <paramref name="lastEnd"/> into one result; false when none of them holds anything. The slices stay unchanged.
    /// </summary>
    public abstract bool TryMerge(long firstEnd, long lastEnd, long step, out TAgg result);

    /// <summary>Drops the current key's slice ending at <paramref name="sliceEnd"/>.</summary>
    public abstract void Remove(long sliceEnd);
}

/// <summary>Slices of aggregate accumulators; a window's result is the aggregate's result of their merge.</summary>
internal sealed class AggregatingSliceContents<TIn, TAcc, TAgg>(IKeyedStateStore backend, IAggregateFunction<TIn, TAcc, TAgg> aggregate)
    : SliceContents<TIn, TAgg>
{
    private readonly IMapState<long, TAcc> _slices = backend.GetMapState(new MapStateDescriptor<long, TAcc>(WindowSlicing.SliceStateName));
    private readonly AccumulatorCopier<TAcc> _copier = new();

    public override void Add(long sliceEnd, TIn value)
    {
        var accumulator = _slices.TryGet(sliceEnd, out var existing) ? existing : aggregate.CreateAccumulator();
        _slices.Put(sliceEnd, aggregate.Add(value, accumulator));
    }

    public override bool Contains(long sliceEnd) => _slices.Contains(sliceEnd);

    public override bool TryMerge(long firstEnd, long lastEnd, long step, out TAgg result)
    {
        var any = false;
        var merged = default(TAcc)!;
        for (var end = firstEnd; end <= lastEnd; end += step)
        {
            if (!_slices.TryGet(end, out var slice))
                continue;
            // Merge may reuse either accumulator (Flink's contract), and a slice serves later windows too: merge copies.
            merged = any ? aggregate.Merge(merged, _copier.Copy(slice)) : _copier.Copy(slice);
            any = true;
        }
        result = any ? aggregate.GetResult(merged) : default!;
        return any;
    }

    public override void Remove(long sliceEnd) => _slices.Remove(sliceEnd);
}

/// <summary>Slices of reduced values; a window's result is the reduction of its slices in time order.</summary>
internal sealed class ReducingSliceContents<T>(IKeyedStateStore backend, Func<T, T, T> reduce) : SliceContents<T, T>
{
    private readonly IMapState<long, T> _slices = backend.GetMapState(new MapStateDescriptor<long, T>(WindowSlicing.SliceStateName));
    private readonly AccumulatorCopier<T> _copier = new();

    public override void Add(long sliceEnd, T value) =>
        _slices.Put(sliceEnd, _slices.TryGet(sliceEnd, out var existing) ? reduce(existing, value) : value);

    public override bool Contains(long sliceEnd) => _slices.Contains(sliceEnd);

    public override bool TryMerge(long firstEnd, long lastEnd, long step, out T result)
    {
        var any = false;
        result = default!;
        for (var end = firstEnd; end <= lastEnd; end += step)
        {
            if (!_slices.TryGet(end, out var slice))
                continue;
            result = any ? reduce(result, _copier.Copy(slice)) : _copier.Copy(slice);
            any = true;
        }
        return any;
    }

    public override void Remove(long sliceEnd) => _slices.Remove(sliceEnd);
}

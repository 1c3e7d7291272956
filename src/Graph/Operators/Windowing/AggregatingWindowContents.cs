using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Panes that hold an aggregate accumulator; the window function receives the aggregate's result.</summary>
internal sealed class AggregatingWindowContents<TIn, TAcc, TOut, W>(IKeyedStateStore backend, IAggregateFunction<TIn, TAcc, TOut> aggregate)
    : WindowContents<TIn, TOut, W> where W : Window
{
    private readonly NamespacedTable<W, TAcc> _table = new(backend.GetMapState(new MapStateDescriptor<W, TAcc>(StateName)));

    public override void Add(W window, in StreamRecord<TIn> record)
    {
        var accumulator = _table.TryGet(window, out var existing) ? existing : aggregate.CreateAccumulator();
        _table.Set(window, aggregate.Add(record.Value, accumulator));
    }

    public override bool TryGet(W window, out TOut contents)
    {
        if (_table.TryGet(window, out var accumulator))
        {
            contents = aggregate.GetResult(accumulator);
            return true;
        }
        contents = default!;
        return false;
    }

    public override void Clear(W window) => _table.Remove(window);

    public override void Merge(W target, IEnumerable<W> sources) => _table.Merge(target, sources, aggregate.Merge);
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Panes that hold the running reduce of their elements.</summary>
internal sealed class ReducingWindowContents<T, W>(IKeyedStateStore backend, Func<T, T, T> reduce) : WindowContents<T, T, W>
    where W : Window
{
    private readonly NamespacedTable<W, T> _table = new(backend.GetMapState(new MapStateDescriptor<W, T>(StateName)));

    public override void Add(W window, in StreamRecord<T> record) =>
        _table.Set(window, _table.TryGet(window, out var accumulated) ? reduce(accumulated, record.Value) : record.Value);

    public override bool TryGet(W window, out T contents) => _table.TryGet(window, out contents);

    public override void Clear(W window) => _table.Remove(window);

    public override void Merge(W target, IEnumerable<W> sources) => _table.Merge(target, sources, reduce);
}

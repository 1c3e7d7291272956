using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Panes that buffer their elements in arrival order, for process window functions.</summary>
internal sealed class ListWindowContents<T, W>(IKeyedStateStore backend) : WindowContents<T, IEnumerable<T>, W> where W : Window
{
    private readonly NamespacedTable<W, List<T>> _table = new(backend.GetMapState(new MapStateDescriptor<W, List<T>>(StateName)));

    public override void Add(W window, in StreamRecord<T> record)
    {
        if (!_table.TryGet(window, out var elements))
            _table.Set(window, elements = []);
        elements.Add(record.Value);
        _table.MarkChanged();
    }

    public override bool TryGet(W window, out IEnumerable<T> contents)
    {
        var found = _table.TryGet(window, out var elements);
        contents = elements;
        return found;
    }

    public override void Clear(W window) => _table.Remove(window);

    public override void Merge(W target, IEnumerable<W> sources) => _table.Merge(target, sources, Concat);

    private static List<T> Concat(List<T> first, List<T> second)
    {
        first.AddRange(second);
        return first;
    }
}

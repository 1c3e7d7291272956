using ActorStream.Graph.Runtime;
using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Panes that buffer their elements with timestamps, so that evictors can remove some of them.</summary>
internal sealed class TimestampedWindowContents<T, W>(IKeyedStateStore backend)
    : WindowContents<T, List<TimestampedValue<T>>, W> where W : Window
{
    private readonly NamespacedTable<W, List<TimestampedValue<T>>> _table =
        new(backend.GetMapState(new MapStateDescriptor<W, List<TimestampedValue<T>>>(StateName)));

    public override void Add(W window, in StreamRecord<T> record)
    {
        if (!_table.TryGet(window, out var elements))
            _table.Set(window, elements = []);
        elements.Add(new TimestampedValue<T>(record.Value, record.Timestamp));
        _table.MarkChanged();
    }

    public override bool TryGet(W window, out List<TimestampedValue<T>> contents) => _table.TryGet(window, out contents);

    public override void Clear(W window) => _table.Remove(window);

    public override void Merge(W target, IEnumerable<W> sources) => _table.Merge(target, sources, Concat);

    /// <summary>Keeps only <paramref name="remaining"/> in the pane (what the evictors left); an empty pane is dropped.</summary>
    public void Replace(W window, List<TimestampedValue<T>> remaining)
    {
        _table.Remove(window);
        if (remaining.Count > 0)
            _table.Set(window, remaining);
    }

    private static List<TimestampedValue<T>> Concat(List<TimestampedValue<T>> first, List<TimestampedValue<T>> second)
    {
        first.AddRange(second);
        return first;
    }
}

using ActorStream.Graph.State;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Values of one state per (key, window): a keyed map state from window to value, so that window state lives in
/// the keyed backend with its key group. An emptied key leaves no entry behind. Code that changes a value in
/// place (appends to a buffered list) calls <see cref="MarkChanged"/>, so that the change is checkpointed.
/// </summary>
internal sealed class NamespacedTable<W, TValue>(IMapState<W, TValue> map) where W : Window
{
    private readonly IInPlaceMutable? _inPlace = map as IInPlaceMutable;

    /// <summary>Tells the backend that the current key's value in some window was changed in place.</summary>
    public void MarkChanged() => _inPlace?.MarkCurrentChanged();

    /// <summary>The current key's value in <paramref name="window"/>, if any.</summary>
    public bool TryGet(W window, out TValue value) => map.TryGet(window, out value);

    /// <summary>Sets the current key's value in <paramref name="window"/>.</summary>
    public void Set(W window, TValue value) => map.Put(window, value);

    /// <summary>Removes the current key's value in <paramref name="window"/>.</summary>
    public void Remove(W window) => map.Remove(window);

    /// <summary>
    /// Moves the values of <paramref name="sources"/> into <paramref name="target"/>, combining with
    /// <paramref name="merge"/> as Flink's mergeNamespaces does: sources in order, then the target's own value first.
    /// </summary>
    public void Merge(W target, IEnumerable<W> sources, Func<TValue, TValue, TValue> merge)
    {
        var any = false;
        TValue merged = default!;
        foreach (var source in sources)
        {
            if (!TryGet(source, out var value))
                continue;
            Remove(source);
            merged = any ? merge(merged, value) : value;
            any = true;
        }
        if (any)
            Set(target, TryGet(target, out var existing) ? merge(existing, merged) : merged);
    }
}

using ActorStream.Graph.Runtime;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// The contents of each (key, window) pane, kept in the keyed backend (Flink's window-contents appending and
/// merging state): a running reduce, an aggregate accumulator, or the buffered elements.
/// </summary>
/// <typeparam name="TIn">The element type.</typeparam>
/// <typeparam name="TContents">What the window function receives.</typeparam>
/// <typeparam name="W">The window type.</typeparam>
internal abstract class WindowContents<TIn, TContents, W> where W : Window
{
    /// <summary>The name of the contents state, as in Flink.</summary>
    protected const string StateName = "window-contents";

    /// <summary>Adds <paramref name="record"/> to the current key's pane of <paramref name="window"/>.</summary>
    public abstract void Add(W window, in StreamRecord<TIn> record);

    /// <summary>The pane's contents; false when the pane is empty.</summary>
    public abstract bool TryGet(W window, out TContents contents);

    /// <summary>Drops the pane.</summary>
    public abstract void Clear(W window);

    /// <summary>Merges the panes of <paramref name="sources"/> into the pane of <paramref name="target"/>.</summary>
    public abstract void Merge(W target, IEnumerable<W> sources);
}

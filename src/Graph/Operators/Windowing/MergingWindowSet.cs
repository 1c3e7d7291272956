using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>Told that <paramref name="mergedWindows"/> became <paramref name="mergeResult"/>, whose contents live in <paramref name="stateWindowResult"/>.</summary>
internal delegate void WindowMergeFunction<W>(
    W mergeResult, IReadOnlyCollection<W> mergedWindows, W stateWindowResult, IReadOnlyCollection<W> mergedStateWindows);

/// <summary>
/// The in-flight windows of one key of a merging assigner (Flink's MergingWindowSet). Each window maps to the
/// state window that holds its contents: when windows merge, the contents stay in one of the original state
/// windows, so merging never copies the surviving pane. The mapping is loaded from and persisted to keyed state.
/// </summary>
internal sealed class MergingWindowSet<T, W> where W : Window
{
    private readonly MergingWindowAssigner<T, W> _assigner;
    private readonly IMapState<W, W> _state;
    private readonly Dictionary<W, W> _mapping;
    private readonly Dictionary<W, W> _initialMapping;

    /// <summary>Loads the current key's windows from <paramref name="state"/>.</summary>
    public MergingWindowSet(MergingWindowAssigner<T, W> assigner, IMapState<W, W> state)
    {
        _assigner = assigner;
        _state = state;
        _mapping = new Dictionary<W, W>(state.Entries());
        _initialMapping = new Dictionary<W, W>(_mapping);
    }

    /// <summary>The state window of the in-flight <paramref name="window"/>, or null when it is not in flight.</summary>
    public W? GetStateWindow(W window) => _mapping.GetValueOrDefault(window);

    /// <summary>Removes <paramref name="window"/> from the in-flight windows.</summary>
    public void RetireWindow(W window)
    {
        if (!_mapping.Remove(window))
            throw new InvalidOperationException($"Window {window} is not in the in-flight window set.");
    }

    /// <summary>Writes the mapping back to keyed state if it changed.</summary>
    public void Persist()
    {
        if (_mapping.Count == _initialMapping.Count && _mapping.All(e => _initialMapping.TryGetValue(e.Key, out var s) && s.Equals(e.Value)))
            return;
        _state.Clear();
        foreach (var (window, stateWindow) in _mapping)
            _state.Put(window, stateWindow);
    }

    /// <summary>
    /// Adds <paramref name="newWindow"/>, merging it with in-flight windows as the assigner decides, and returns the
    /// window it ended up in (itself, or the merge result). <paramref name="merge"/> is called for every merge that
    /// involves existing windows; the merged windows it receives never include <paramref name="newWindow"/>.
    /// </summary>
    public W AddWindow(W newWindow, WindowMergeFunction<W> merge)
    {
        List<W> windows = [.. _mapping.Keys, newWindow];
        List<(W Result, List<W> Merged)> mergeResults = [];
        _assigner.MergeWindows(windows, (toBeMerged, result) => mergeResults.Add((result, [.. toBeMerged])));

        var resultWindow = newWindow;
        var mergedNewWindow = false;
        foreach (var (mergeResult, mergedWindows) in mergeResults)
        {
            if (mergedWindows.Remove(newWindow))
            {
                mergedNewWindow = true;
                resultWindow = mergeResult;
            }

            // Keep the state window of one merged window (the earliest) as the merge result's state window.
            var mergedStateWindow = _mapping[mergedWindows[0]];
            List<W> mergedStateWindows = [];
            foreach (var mergedWindow in mergedWindows)
            {
                if (_mapping.Remove(mergedWindow, out var stateWindow))
                    mergedStateWindows.Add(stateWindow);
            }
            _mapping[mergeResult] = mergedStateWindow;
            mergedStateWindows.Remove(mergedStateWindow);

            // The new window fell inside one existing window without extending it: nothing to merge.
            if (!(mergedWindows.Count == 1 && mergedWindows.Contains(mergeResult)))
                merge(mergeResult, mergedWindows, _mapping[mergeResult], mergedStateWindows);
        }

        if (mergeResults.Count == 0 || (resultWindow.Equals(newWindow) && !mergedNewWindow))
            _mapping[resultWindow] = resultWindow;
        return resultWindow;
    }

    /// <inheritdoc />
    public override string ToString() => $"MergingWindowSet{{windows={string.Join(", ", _mapping)}}}";
}

using System.Diagnostics;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// Adds windows to a key's <see cref="MergingWindowSet{W}"/> and merges them as the assigner decides (Flink's
/// MergingWindowSet.addWindow). One per operator: the lists it hands to the merge function are reused. The built-in
/// session assigners merge time windows that intersect; for them the merge is computed here from the fact that a
/// key's in-flight windows never intersect each other (every add merges eagerly), without calling the assigner:
/// the windows the new one intersects are exactly the group the assigner would merge it with.
/// </summary>
internal sealed class WindowMerger<T, W> where W : Window
{
    private readonly MergingWindowAssigner<T, W> _assigner;
    private readonly bool _mergesIntersectingTimeWindows;
    private readonly List<W> _mergedWindows = [];
    private readonly List<W> _mergedStateWindows = [];
    private readonly List<int> _mergedIndexes = [];

    /// <summary>Merges with <paramref name="assigner"/>.</summary>
    public WindowMerger(MergingWindowAssigner<T, W> assigner)
    {
        _assigner = assigner;
        _mergesIntersectingTimeWindows = assigner.MergesTimeWindowsThatIntersect && typeof(W) == typeof(TimeWindow);
    }

    /// <summary>
    /// Adds <paramref name="newWindow"/> to <paramref name="set"/>, merging it with in-flight windows, and returns the
    /// window it ended up in (itself, or the merge result). <paramref name="merge"/> is called for every merge that
    /// involves existing windows; the merged windows it receives never include <paramref name="newWindow"/>, and the
    /// merge result keeps the state window of the earliest merged window.
    /// </summary>
    public W AddWindow(MergingWindowSet<W> set, W newWindow, WindowMergeFunction<W> merge) =>
        _mergesIntersectingTimeWindows ? AddTimeWindow(set, newWindow, merge) : AddAnyWindow(set, newWindow, merge);

    private W AddTimeWindow(MergingWindowSet<W> set, W newWindow, WindowMergeFunction<W> merge)
    {
        var added = AsTime(newWindow);
        _mergedIndexes.Clear();
        _mergedWindows.Clear();
        long start = added.Start, end = added.End;
        for (var i = 0; i < set.Count; i++)
        {
            var window = AsTime(set.WindowAt(i));
            if (!window.Intersects(added))
                continue;
            _mergedIndexes.Add(i);
            start = Math.Min(start, window.Start);
            end = Math.Max(end, window.End);
            // In start order, as TimeWindow.MergeWindows groups them: in-flight windows never share a start.
            var at = _mergedWindows.Count;
            while (at > 0 && AsTime(_mergedWindows[at - 1]).Start > window.Start)
                at--;
            _mergedWindows.Insert(at, set.WindowAt(i));
        }

        if (_mergedIndexes.Count == 0)
        {
            set.Put(newWindow, newWindow);
            return newWindow;
        }
        // The new window lies inside one in-flight window: it joins that window, nothing merges.
        if (_mergedIndexes.Count == 1 && start == AsTime(_mergedWindows[0]).Start && end == AsTime(_mergedWindows[0]).End)
            return _mergedWindows[0];

        var result = start == added.Start && end == added.End ? newWindow : (W)(object)new TimeWindow(start, end);
        _mergedStateWindows.Clear();
        foreach (var window in _mergedWindows)
            _mergedStateWindows.Add(set.GetStateWindow(window)!);
        var stateWindow = _mergedStateWindows[0];
        _mergedStateWindows.RemoveAt(0);

        // The merge function runs before the set changes: when it refuses the merge (a merge result behind the
        // watermark), the set is left as it was, as the rebuilt-per-element set of Flink is.
        merge(result, _mergedWindows, stateWindow, _mergedStateWindows);
        for (var i = _mergedIndexes.Count - 1; i >= 0; i--)
            set.RemoveAt(_mergedIndexes[i]);
        set.Put(result, stateWindow);
        Debug.Assert(NoneIntersect(set), "In-flight session windows intersect after a merge.");
        return result;
    }

    /// <summary>Flink's addWindow for any merging assigner: ask it which windows merge, then apply each merge.</summary>
    private W AddAnyWindow(MergingWindowSet<W> set, W newWindow, WindowMergeFunction<W> merge)
    {
        List<W> windows = new(set.Count + 1);
        for (var i = 0; i < set.Count; i++)
            windows.Add(set.WindowAt(i));
        windows.Add(newWindow);
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

            // Keep the state window of one merged window (the first) as the merge result's state window.
            var mergedStateWindow = set.GetStateWindow(mergedWindows[0])
                ?? throw new InvalidOperationException($"Window {mergedWindows[0]} is not in the in-flight window set.");
            List<W> mergedStateWindows = [];
            foreach (var mergedWindow in mergedWindows)
            {
                if (set.Remove(mergedWindow, out var stateWindow))
                    mergedStateWindows.Add(stateWindow);
            }
            set.Put(mergeResult, mergedStateWindow);
            mergedStateWindows.Remove(mergedStateWindow);

            // The new window fell inside one existing window without extending it: nothing to merge.
            if (!(mergedWindows.Count == 1 && mergedWindows.Contains(mergeResult)))
                merge(mergeResult, mergedWindows, mergedStateWindow, mergedStateWindows);
        }

        if (mergeResults.Count == 0 || (resultWindow.Equals(newWindow) && !mergedNewWindow))
            set.Put(resultWindow, resultWindow);
        return resultWindow;
    }

    private static TimeWindow AsTime(W window) => (TimeWindow)(object)window;

    private static bool NoneIntersect(MergingWindowSet<W> set)
    {
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = i + 1; j < set.Count; j++)
            {
                if (AsTime(set.WindowAt(i)).Intersects(AsTime(set.WindowAt(j))))
                    return false;
            }
        }
        return true;
    }
}

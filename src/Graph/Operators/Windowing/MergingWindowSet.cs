using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Operators.Windowing;

/// <summary>
/// The in-flight windows of one key of a merging assigner (Flink's MergingWindowSet mapping), each with the state
/// window that holds its contents: when windows merge, the contents stay in one of the original state windows, so
/// merging never copies the surviving pane. One value per key in keyed state, changed in place by
/// <see cref="WindowMerger{T,W}"/>; a key has a handful of windows at most, so a pair of arrays searched linearly
/// beats a dictionary and allocates nothing per element.
/// </summary>
internal sealed class MergingWindowSet<W> where W : Window
{
    private W[] _windows;
    private W[] _stateWindows;

    /// <summary>An empty set with room for <paramref name="capacity"/> windows.</summary>
    public MergingWindowSet(int capacity = 2)
    {
        _windows = new W[capacity];
        _stateWindows = new W[capacity];
    }

    /// <summary>How many windows are in flight.</summary>
    public int Count { get; private set; }

    /// <summary>True after a change the owner has not persisted yet (the owner resets it).</summary>
    public bool Changed { get; set; }

    /// <summary>The in-flight window at <paramref name="index"/>.</summary>
    public W WindowAt(int index) => _windows[index];

    /// <summary>The state window of the in-flight window at <paramref name="index"/>.</summary>
    public W StateWindowAt(int index) => _stateWindows[index];

    /// <summary>Where <paramref name="window"/> is, or -1 when it is not in flight.</summary>
    public int IndexOf(W window)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_windows[i].Equals(window))
                return i;
        }
        return -1;
    }

    /// <summary>The state window of the in-flight <paramref name="window"/>, or null when it is not in flight.</summary>
    public W? GetStateWindow(W window) => IndexOf(window) is var index and >= 0 ? _stateWindows[index] : null;

    /// <summary>Sets the state window of <paramref name="window"/>, adding the window when it is not in flight.</summary>
    public void Put(W window, W stateWindow)
    {
        Changed = true;
        if (IndexOf(window) is var index and >= 0)
        {
            _stateWindows[index] = stateWindow;
            return;
        }
        if (Count == _windows.Length)
        {
            Array.Resize(ref _windows, Count * 2);
            Array.Resize(ref _stateWindows, Count * 2);
        }
        _windows[Count] = window;
        _stateWindows[Count] = stateWindow;
        Count++;
    }

    /// <summary>Removes the window at <paramref name="index"/>, keeping the order of the others.</summary>
    public void RemoveAt(int index)
    {
        Changed = true;
        Count--;
        Array.Copy(_windows, index + 1, _windows, index, Count - index);
        Array.Copy(_stateWindows, index + 1, _stateWindows, index, Count - index);
        _windows[Count] = default!;
        _stateWindows[Count] = default!;
    }

    /// <summary>Removes <paramref name="window"/> and gives its state window; false when it is not in flight.</summary>
    public bool Remove(W window, out W stateWindow)
    {
        var index = IndexOf(window);
        if (index < 0)
        {
            stateWindow = default!;
            return false;
        }
        stateWindow = _stateWindows[index];
        RemoveAt(index);
        return true;
    }

    /// <summary>Removes <paramref name="window"/> from the in-flight windows.</summary>
    public void RetireWindow(W window)
    {
        if (!Remove(window, out _))
            throw new InvalidOperationException($"Window {window} is not in the in-flight window set.");
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"MergingWindowSet{{windows={string.Join(", ", Enumerable.Range(0, Count).Select(i => $"[{_windows[i]}, {_stateWindows[i]}]"))}}}";
}

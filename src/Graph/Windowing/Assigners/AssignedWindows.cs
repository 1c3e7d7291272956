using System.Diagnostics;

namespace ActorStream.Graph.Windowing;

/// <summary>
/// The windows an assigner gave the current element, in an array the window operator reuses for every element. It
/// keeps the last element's windows until an assigner replaces them, so that a built-in assigner whose next element
/// falls into the same windows (consecutive elements mostly do) leaves them in place and allocates nothing.
/// </summary>
/// <typeparam name="W">The window type.</typeparam>
internal sealed class AssignedWindows<W> where W : Window
{
    private W[] _windows = new W[1];

    /// <summary>How many windows the element belongs to.</summary>
    public int Count { get; private set; }

    /// <summary>The window at <paramref name="index"/> (below <see cref="Count"/>).</summary>
    public W this[int index]
    {
        get
        {
            Debug.Assert(index < Count, "Reading past the assigned windows.");
            return _windows[index];
        }
    }

    /// <summary>Holds <paramref name="window"/> alone.</summary>
    public void SetSingle(W window)
    {
        _windows[0] = window;
        Count = 1;
    }

    /// <summary>Drops the windows held, keeping the array.</summary>
    public void Clear()
    {
        Array.Clear(_windows, 0, Count);
        Count = 0;
    }

    /// <summary>Appends <paramref name="window"/>.</summary>
    public void Add(W window)
    {
        if (Count == _windows.Length)
            Array.Resize(ref _windows, Count * 2);
        _windows[Count++] = window;
    }

    /// <summary>Holds the windows an assigner returned through the public <c>AssignWindows</c> (user-written assigners).</summary>
    public void CopyFrom(IReadOnlyList<W> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        Clear();
        for (var i = 0; i < windows.Count; i++)
            Add(windows[i] ?? throw new InvalidOperationException("A window assigner returned a null window."));
    }

    /// <summary>A copy of the windows held, for the public <c>AssignWindows</c> of the built-in assigners.</summary>
    public W[] ToArray() => _windows.AsSpan(0, Count).ToArray();
}

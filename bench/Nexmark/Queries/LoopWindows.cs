namespace ActorStream.Bench.Nexmark.Queries;

/// <summary>
/// The loops' open windows, each under the time it fires at: when the watermark reaches it. Checking the watermark
/// against the earliest firing time costs one comparison per event.
/// </summary>
public sealed class LoopWindows<TWindow> where TWindow : new()
{
    private readonly SortedDictionary<long, TWindow> _open = [];
    private long _next = long.MaxValue;

    /// <summary>The window that fires at <paramref name="fireTime"/>, or null when the watermark has passed it (a late event's window).</summary>
    public TWindow? Get(long fireTime, long watermark)
    {
        if (fireTime <= watermark)
            return default;
        if (!_open.TryGetValue(fireTime, out var window))
        {
            _open[fireTime] = window = new TWindow();
            _next = Math.Min(_next, fireTime);
        }
        return window;
    }

    /// <summary>Fires, in time order, and forgets the windows whose firing time <paramref name="watermark"/> has reached.</summary>
    public void FireUpTo(long watermark, Action<long, TWindow> fire)
    {
        while (_open.Count > 0 && _next <= watermark)
        {
            var window = _open[_next];
            _open.Remove(_next);
            fire(_next, window);
            _next = _open.Count > 0 ? _open.Keys.First() : long.MaxValue;
        }
    }

    /// <summary>Fires every window left, as the end-of-input watermark does.</summary>
    public void FireAll(Action<long, TWindow> fire) => FireUpTo(long.MaxValue, fire);
}

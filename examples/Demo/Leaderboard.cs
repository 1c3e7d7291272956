using System.Collections.Concurrent;
using ActorStream.Examples.Clicks;
using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>
/// In-process sinks of per-item window totals that keep what a live display shows: the early totals of the open
/// window, the final totals of the last closed window, and each item's totals over every closed window. An item's
/// totals come from the one keyed subtask that owns the item, in order. It works only when the job runs in the
/// reading process (the embedded local mode).
/// </summary>
public sealed class Leaderboard
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, ItemWindowTotals>> _open = new();
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, ItemWindowTotals>> _closed = new();
    private readonly ConcurrentDictionary<long, byte> _closedWindows = new();
    private readonly ConcurrentDictionary<string, ItemTotals> _totals = new(StringComparer.Ordinal);

    /// <summary>Creates an empty leaderboard.</summary>
    public Leaderboard()
    {
        FinalResults = new Sink(OnFinal);
        EarlyResults = new Sink(OnEarly);
    }

    /// <summary>The sink of final window totals, one per item and window once the watermark passed the window's end.</summary>
    public ISink<ItemWindowTotals> FinalResults { get; }

    /// <summary>The sink of early totals of windows that are still open.</summary>
    public ISink<ItemWindowTotals> EarlyResults { get; }

    /// <summary>How many items have totals, in closed or open windows.</summary>
    public int ItemCount => _totals.Keys.Union(_open.Values.SelectMany(w => w.Keys), StringComparer.Ordinal).Count();

    /// <summary>How many windows have closed.</summary>
    public int ClosedWindowCount => _closedWindows.Count;

    /// <summary>The <paramref name="count"/> items with the highest revenue over all closed windows (see <see cref="ItemTotals.ByRevenue"/>).</summary>
    public IReadOnlyList<ItemTotals> Top(int count) => _totals.Values.Order(ItemTotals.ByRevenue).Take(count).ToList();

    /// <summary>Every item's totals over all closed windows.</summary>
    public IReadOnlyCollection<ItemTotals> All() => _totals.Values.ToList();

    /// <summary>The newest window that has not closed yet, with its <paramref name="count"/> leading items so far; null before the first early result.</summary>
    public WindowTop? OpenWindow(int count)
    {
        var lastClosed = _closed.Keys.DefaultIfEmpty(long.MinValue).Max();
        var current = _open.Keys.Where(start => start > lastClosed).DefaultIfEmpty(long.MinValue).Max();
        return _open.TryGetValue(current, out var window) ? TopOf(window.Values, count) : null;
    }

    /// <summary>The newest closed window with its <paramref name="count"/> leading items; null before the first window closed.</summary>
    public WindowTop? LastClosedWindow(int count) =>
        _closed.TryGetValue(_closed.Keys.DefaultIfEmpty(long.MinValue).Max(), out var window) ? TopOf(window.Values, count) : null;

    private static WindowTop? TopOf(ICollection<ItemWindowTotals> window, int count)
    {
        var first = window.FirstOrDefault();
        return first is null ? null : new WindowTop(first.WindowStart, first.WindowEnd,
            window.Select(ItemTotals.Of).Order(ItemTotals.ByRevenue).Take(count).ToList());
    }

    private void OnEarly(ItemWindowTotals totals) =>
        _open.GetOrAdd(totals.WindowStart, _ => new(StringComparer.Ordinal))[totals.Item] = totals;

    private void OnFinal(ItemWindowTotals totals)
    {
        _totals.AddOrUpdate(totals.Item, static (_, t) => ItemTotals.Of(t), static (_, sum, t) => sum.Plus(t), totals);
        _closedWindows.TryAdd(totals.WindowStart, 0);
        _closed.GetOrAdd(totals.WindowStart, _ => new(StringComparer.Ordinal))[totals.Item] = totals;
        // Keep the display's windows only: the last closed one (and the one before, which it may still be replacing)
        // and the open ones after it. A lagging subtask may re-add a pruned window; the next final prunes it again.
        foreach (var start in _closed.Keys.OrderDescending().Skip(2))
            _closed.TryRemove(start, out _);
        foreach (var start in _open.Keys.Where(start => start <= totals.WindowStart))
            _open.TryRemove(start, out _);
    }

    private sealed class Sink(Action<ItemWindowTotals> write) : ISink<ItemWindowTotals>
    {
        public ISinkWriter<ItemWindowTotals> CreateWriter(SinkContext context) => new Writer(write);
    }

    private sealed class Writer(Action<ItemWindowTotals> write) : ISinkWriter<ItemWindowTotals>
    {
        public void Write(ItemWindowTotals value, long timestamp) => write(value);

        public void Flush(bool endOfInput) { }

        public void Dispose() { }
    }
}

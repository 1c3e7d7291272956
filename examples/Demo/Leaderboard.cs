using System.Collections.Concurrent;
using ActorStream.Graph;

namespace ActorStream.Examples.Demo;

/// <summary>
/// An in-process sink that keeps the latest totals per item for a live display to read. Each item
/// is owned by one keyed subtask, which writes its updates in order, so the last write is the latest.
/// It works only when the job runs in the reading process (the embedded local mode).
/// </summary>
public sealed class Leaderboard : ISink<ItemTotals>
{
    private readonly ConcurrentDictionary<string, ItemTotals> _latest = new(StringComparer.Ordinal);

    /// <summary>How many items have totals.</summary>
    public int ItemCount => _latest.Count;

    /// <summary>The <paramref name="count"/> items with the highest revenue (see <see cref="ItemTotals.ByRevenue"/>).</summary>
    public IReadOnlyList<ItemTotals> Top(int count) => _latest.Values.Order(ItemTotals.ByRevenue).Take(count).ToList();

    /// <summary>The latest totals of every item.</summary>
    public IReadOnlyCollection<ItemTotals> All() => _latest.Values.ToList();

    /// <inheritdoc />
    public ISinkWriter<ItemTotals> CreateWriter(SinkContext context) => new Writer(_latest);

    private sealed class Writer(ConcurrentDictionary<string, ItemTotals> latest) : ISinkWriter<ItemTotals>
    {
        public void Write(ItemTotals value, long timestamp) => latest[value.Item] = value;

        public void Flush(bool endOfInput) { }

        public void Dispose() { }
    }
}

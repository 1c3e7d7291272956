using ActorStream.Graph;
using MySqlConnector;

namespace ActorStream.Connectors.MySql;

/// <summary>
/// One subtask's writer of a <see cref="MySqlSink{T}"/>. Exactly-once, it keeps the rows written since
/// the last checkpoint (for upserts only the last row of each key) and hands them over at the barrier
/// as a transaction that the committer writes once the checkpoint completes. Otherwise it writes a
/// batch whenever one is full, and at-least-once also at every checkpoint.
/// </summary>
internal sealed class MySqlSinkWriter<T> : ITwoPhaseCommitWriter<T, MySqlSinkTransaction>
{
    private readonly MySqlSink<T> _sink;
    private readonly int _subtask;
    private readonly DeliveryGuarantee _guarantee;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private readonly List<object?[]> _rows = [];
    private readonly Dictionary<string, int> _rowOfKey = new(StringComparer.Ordinal);
    private readonly int[] _keyPositions;

    public MySqlSinkWriter(MySqlSink<T> sink, int subtask, DeliveryGuarantee guarantee)
    {
        _sink = sink;
        _subtask = subtask;
        _guarantee = guarantee;
        _keyPositions = sink.Upsert ? sink.Table.KeyPositions : [];
    }

    public void Write(T value, long timestamp)
    {
        var row = _sink.RowOf(value);
        if (row.Length != _sink.Table.Columns.Count)
            throw new InvalidOperationException(
                $"The row of a record for table '{_sink.Table.Name}' has {row.Length} values; the table has {_sink.Table.Columns.Count} columns.");
        if (_keyPositions.Length > 0)
        {
            var key = string.Join('\u001f', _keyPositions.Select(p => Convert.ToString(row[p], System.Globalization.CultureInfo.InvariantCulture)));
            if (_rowOfKey.TryGetValue(key, out var index))
            {
                _rows[index] = row; // a later upsert of the same key replaces the earlier one
                return;
            }
            _rowOfKey.Add(key, _rows.Count);
        }
        _rows.Add(row);
        if (_guarantee != DeliveryGuarantee.ExactlyOnce && _rows.Count >= _sink.BatchSize)
            WriteBuffered();
    }

    public void Flush(bool endOfInput)
    {
        if (_guarantee != DeliveryGuarantee.ExactlyOnce || endOfInput)
            WriteBuffered();
    }

    public IReadOnlyList<MySqlSinkTransaction> PrepareCommit(long checkpointId)
    {
        if (_guarantee != DeliveryGuarantee.ExactlyOnce)
        {
            if (_guarantee == DeliveryGuarantee.AtLeastOnce)
                WriteBuffered();
            return [];
        }
        if (_rows.Count == 0)
            return [];
        var transaction = new MySqlSinkTransaction($"{_writerId}-{_subtask}-{checkpointId}", [.. _rows]);
        Clear();
        return [transaction];
    }

    public void Dispose() { }

    private void WriteBuffered()
    {
        if (_rows.Count == 0)
            return;
        using var connection = new MySqlConnection(_sink.ConnectionString);
        connection.Open();
        MySqlRows.Write(connection, null, _sink.Table, _rows, _sink.Upsert, _sink.BatchSize);
        Clear();
    }

    private void Clear()
    {
        _rows.Clear();
        _rowOfKey.Clear();
    }
}

using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.MySql;

/// <summary>How a <see cref="MySqlSink{T}"/> writes a row.</summary>
public enum MySqlWriteMode
{
    /// <summary>INSERT ... ON DUPLICATE KEY UPDATE: a row replaces the row of the same primary key (keyed results).</summary>
    Upsert,

    /// <summary>Plain INSERT: every record is a new row.</summary>
    Append,
}

/// <summary>
/// Writes records as rows of a MySQL/MariaDB table (MySqlConnector), batched, creating the table when
/// it is missing. Exactly-once (the default, with checkpointing) it is a two-phase-commit sink: the rows
/// of checkpoint N are kept in N and written, together with a marker row of their transaction, in one
/// database transaction once N completes; a restore commits N again and the marker makes that a no-op
/// if it was done, so a kill at any moment neither loses nor repeats rows. Without checkpointing, or
/// at-least-once, rows are written in batches as they come (at-least-once also at every checkpoint).
/// </summary>
public sealed class MySqlSink<T> : ITwoPhaseCommitSink<T, MySqlSinkTransaction>
{
    private readonly Func<T, object?[]> _toRow;

    /// <summary>
    /// Writes records made into rows by <paramref name="toRow"/> (values in <paramref name="table"/>'s column
    /// order: string, long, int, decimal, double, bool, DateTime, byte[] or null) into <paramref name="table"/>.
    /// </summary>
    public MySqlSink(string connectionString, MySqlTable table, Func<T, object?[]> toRow, MySqlWriteMode mode = MySqlWriteMode.Upsert,
        DeliveryGuarantee guarantee = DeliveryGuarantee.ExactlyOnce, int batchSize = 500)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (mode == MySqlWriteMode.Upsert && table.PrimaryKey.Count == 0)
            throw new ArgumentException($"Upserts into table '{table.Name}' need its primary key; give one, or append.", nameof(table));
        ConnectionString = connectionString;
        Table = table;
        _toRow = toRow;
        Upsert = mode == MySqlWriteMode.Upsert;
        Guarantee = guarantee;
        BatchSize = batchSize;
    }

    /// <summary>The database.</summary>
    public string ConnectionString { get; }

    /// <summary>The table written.</summary>
    public MySqlTable Table { get; }

    /// <summary>Whether rows replace rows of the same key.</summary>
    public bool Upsert { get; }

    /// <summary>The guarantee with checkpointing; without it, rows are written as they come.</summary>
    public DeliveryGuarantee Guarantee { get; }

    /// <summary>Rows per INSERT statement.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public ITypeSerializer<MySqlSinkTransaction> CommittableSerializer => MySqlSinkTransactionSerializer.Instance;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context)
    {
        CreateTables();
        return new MySqlSinkWriter<T>(this, context.SubtaskIndex, DeliveryGuarantee.AtLeastOnce);
    }

    /// <inheritdoc />
    public ITwoPhaseCommitWriter<T, MySqlSinkTransaction> CreateWriter(SinkContext context, TwoPhaseCommitRestore<MySqlSinkTransaction> restore)
    {
        CreateTables();
        return new MySqlSinkWriter<T>(this, context.SubtaskIndex, Guarantee);
    }

    /// <inheritdoc />
    public ICommitter<MySqlSinkTransaction> CreateCommitter(SinkContext context) => new MySqlCommitter(ConnectionString, Table, Upsert, BatchSize);

    internal object?[] RowOf(T value) => _toRow(value);

    private void CreateTables() => MySqlRows.Execute(ConnectionString, Table.CreateStatement(), MySqlCommitter.CreateMarkerTable);
}

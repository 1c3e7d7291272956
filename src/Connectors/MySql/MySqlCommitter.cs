using ActorStream.Graph;
using MySqlConnector;

namespace ActorStream.Connectors.MySql;

/// <summary>
/// Commits a checkpoint's rows exactly once: each transaction's rows and its marker row (its id in
/// <see cref="MarkerTable"/>) go into the database in one database transaction, the marker first. A
/// transaction whose marker is already there was committed before (by the previous run, or by another
/// subtask after a rescale, which waits on the marker's row lock) and is skipped. A failure before
/// the database commit leaves nothing (the server rolls back), so committing again after a restore
/// writes the rows once; a failure after it finds the marker.
/// </summary>
internal sealed class MySqlCommitter(string connectionString, MySqlTable table, bool upsert, int batchSize) : ICommitter<MySqlSinkTransaction>
{
    /// <summary>The table of commit markers, shared by every exactly-once MySQL sink of a database.</summary>
    public const string MarkerTable = "actorstream_sink_commits";

    /// <summary>Creates the marker table when missing.</summary>
    public static string CreateMarkerTable =>
        $"CREATE TABLE IF NOT EXISTS `{MarkerTable}` (transaction_id VARCHAR(100) NOT NULL PRIMARY KEY, " +
        "table_name VARCHAR(64) NOT NULL, committed_at BIGINT NOT NULL) ENGINE=InnoDB";

    public void Commit(IReadOnlyList<MySqlSinkTransaction> committables)
    {
        if (committables.Count == 0)
            return;
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        foreach (var committable in committables)
            CommitOnce(connection, committable);
    }

    private void CommitOnce(MySqlConnection connection, MySqlSinkTransaction committable)
    {
        using var transaction = connection.BeginTransaction();
        using (var marker = new MySqlCommand(
            $"INSERT INTO `{MarkerTable}` (transaction_id, table_name, committed_at) VALUES (@id, @table, @at)", connection, transaction))
        {
            marker.Parameters.AddWithValue("@id", committable.Id);
            marker.Parameters.AddWithValue("@table", table.Name);
            marker.Parameters.AddWithValue("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            try
            {
                marker.ExecuteNonQuery();
            }
            catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                transaction.Rollback(); // committed before
                return;
            }
        }
        MySqlRows.Write(connection, transaction, table, committable.Rows, upsert, batchSize);
        transaction.Commit();
    }

    public void Dispose() { }
}

using MySqlConnector;

namespace ActorStream.Connectors.MySql;

/// <summary>Writes rows into a table in multi-row INSERT statements, within the caller's transaction if any.</summary>
internal static class MySqlRows
{
    /// <summary>MySQL allows 65,535 parameters per statement.</summary>
    private const int MaxParameters = 65_000;

    public static void Write(MySqlConnection connection, MySqlTransaction? transaction, MySqlTable table, IReadOnlyList<object?[]> rows,
        bool upsert, int batchSize)
    {
        var perStatement = Math.Max(1, Math.Min(batchSize, MaxParameters / table.Columns.Count));
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            using var command = new MySqlCommand(table.InsertStatement(count, upsert), connection, transaction);
            for (var row = 0; row < count; row++)
            {
                var values = rows[start + row];
                for (var column = 0; column < values.Length; column++)
                    command.Parameters.AddWithValue($"@p{row * values.Length + column}", values[column] ?? DBNull.Value);
            }
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs <paramref name="sql"/> (DDL) on a new connection.</summary>
    public static void Execute(string connectionString, params string[] sql)
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        foreach (var statement in sql)
        {
            using var command = new MySqlCommand(statement, connection);
            command.ExecuteNonQuery();
        }
    }
}

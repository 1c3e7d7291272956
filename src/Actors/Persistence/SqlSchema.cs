using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ActorStream.Actors.Persistence;

/// <summary>
/// Creates the tables Akka.Persistence.Sql reads and writes with <c>table-mapping = default</c>:
/// <c>journal</c>, <c>tags</c> and <c>snapshot</c>, with the plugin's indexes. Idempotent; call it at every start, before the actor system.
/// </summary>
public static class SqlSchema
{
    /// <summary>The event journal: one row per event, <c>ordering</c> is the global insertion order.</summary>
    public const string JournalTable = "journal";

    /// <summary>The tags of journal rows, for events-by-tag queries.</summary>
    public const string TagTable = "tags";

    /// <summary>The snapshot store: one row per snapshot.</summary>
    public const string SnapshotTable = "snapshot";

    /// <summary>Creates the database file's directory (SQLite), the tables and their indexes if missing, and turns on WAL (SQLite).</summary>
    /// <exception cref="InvalidOperationException">The database cannot be reached or changed; the message names the option and the store.</exception>
    public static void EnsureCreated(StateStoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            if (settings.DatabaseFile is { } file)
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var connection = OpenConnection(settings);
            var statements = settings.Dialect == StateStoreDialect.Sqlite ? SqliteSchema.Statements : MySqlSchema.Statements;
            foreach (var sql in statements)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Cannot prepare the state store ({StateStoreSettings.OptionName}): {settings.Description}: {e.Message} {Hint(settings)}", e);
        }
    }

    /// <summary>Opens a connection to the store's database.</summary>
    internal static DbConnection OpenConnection(StateStoreSettings settings)
    {
        DbConnection connection = settings.Dialect == StateStoreDialect.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new MySqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string Hint(StateStoreSettings settings) => settings.Dialect == StateStoreDialect.Sqlite
        ? "Give a path where a SQLite file can be created, or an existing SQLite file."
        : "Check that the server runs, the database exists and the user may create tables in it.";
}

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace ActorStream.Actors.Persistence;

/// <summary>
/// The SQL database that holds the journal and snapshots of ActorStream, parsed once from the
/// <c>--state-db</c> value: a MySQL/MariaDB connection string (<c>Server=...;Database=...</c>) or
/// else the path of a SQLite file.
/// </summary>
public sealed partial record StateStoreSettings
{
    /// <summary>The command-line option the value comes from; every error message names it.</summary>
    public const string OptionName = "--state-db";

    /// <summary>The SQLite file used when the option is left out.</summary>
    public const string DefaultSqliteFile = "./data/actorstream.db";

    private const string MySqlExample = "\"Server=127.0.0.1;Port=3306;Database=actorstream;User ID=actorstream;Password=...\"";

    private StateStoreSettings(StateStoreDialect dialect, string connectionString, string? databaseFile, string description)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        DatabaseFile = databaseFile;
        Description = description;
    }

    /// <summary>Which database the store runs on.</summary>
    public StateStoreDialect Dialect { get; }

    /// <summary>The ADO.NET connection string of the database (it may hold a password: never log it).</summary>
    public string ConnectionString { get; }

    /// <summary>The absolute path of the SQLite file; null for MySQL/MariaDB.</summary>
    public string? DatabaseFile { get; }

    /// <summary>Where the store is, without credentials, for logs and messages.</summary>
    public string Description { get; }

    /// <summary>The linq2db provider name Akka.Persistence.Sql connects with.</summary>
    public string ProviderName => Dialect == StateStoreDialect.Sqlite ? "SQLite.MS" : "MySql.8.0.MySqlConnector";

    /// <summary>Parses a <c>--state-db</c> value (null means the default SQLite file); throws <see cref="ArgumentException"/> naming the option.</summary>
    public static StateStoreSettings Parse(string? value) =>
        TryParse(value, out var settings, out var error) ? settings : throw new ArgumentException(error);

    /// <summary>Parses a <c>--state-db</c> value (null means the default SQLite file), or explains what is wrong with it and how to fix it.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out StateStoreSettings? settings, [NotNullWhen(false)] out string? error)
    {
        settings = null;
        value ??= DefaultSqliteFile;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"{OptionName} is empty. Give the path of a SQLite file, e.g. {DefaultSqliteFile}, or a MySQL/MariaDB " +
                $"connection string, e.g. {MySqlExample}; or leave the option out to use {DefaultSqliteFile}.";
            return false;
        }

        return ConnectionStringKey().IsMatch(value)
            ? TryMySql(value.Trim(), out settings, out error)
            : TrySqlite(value, out settings, out error);
    }

    /// <summary>Where the store is, without credentials.</summary>
    public override string ToString() => Description;

    private static bool TrySqlite(string path, [NotNullWhen(true)] out StateStoreSettings? settings, [NotNullWhen(false)] out string? error)
    {
        settings = null;
        string file;
        try
        {
            file = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"{OptionName} '{path}' is not a usable file path ({e.Message}). Give the path of a SQLite file, e.g. {DefaultSqliteFile}.";
            return false;
        }

        if (Directory.Exists(file) || Path.EndsInDirectorySeparator(path))
        {
            error = $"{OptionName} '{path}' is a directory. Give the path of the SQLite file inside it, e.g. " +
                $"{Path.Join(path.TrimEnd('/', '\\'), "actorstream.db")}.";
            return false;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A private cache per connection: a shared cache turns lock waits into SQLITE_LOCKED
            // table-lock errors; with WAL, readers never wait for the writer anyway.
            Cache = SqliteCacheMode.Private,
            // How long a statement retries SQLITE_BUSY while another connection writes (the journal
            // and the snapshot store write to one file).
            DefaultTimeout = 30,
        }.ToString();
        settings = new StateStoreSettings(StateStoreDialect.Sqlite, connectionString, file, $"SQLite file {file}");
        error = null;
        return true;
    }

    private static bool TryMySql(string connectionString, [NotNullWhen(true)] out StateStoreSettings? settings, [NotNullWhen(false)] out string? error)
    {
        settings = null;
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The driver's message names the bad key; the value itself may hold a password.
            error = $"{OptionName} looks like a connection string but MySqlConnector rejects it: {e.Message} " +
                $"Use the form {MySqlExample}; a SQLite database is given as a file path, e.g. {DefaultSqliteFile}.";
            return false;
        }

        if (!HasKey(connectionString, "Server", "Host"))
        {
            error = $"{OptionName} looks like a connection string but names no server. A MySQL/MariaDB connection string needs " +
                $"Server=HOST, e.g. {MySqlExample}; a SQLite database is given as a file path, e.g. {DefaultSqliteFile}.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            error = $"{OptionName} names no database (server {builder.Server}). Add Database=NAME, e.g. {MySqlExample}; " +
                "the database must exist, the tables are created in it.";
            return false;
        }

        var port = builder.Port == 3306 ? "" : $":{builder.Port}";
        settings = new StateStoreSettings(StateStoreDialect.MySql, connectionString, null,
            $"MySQL/MariaDB database {builder.Database} on {builder.Server}{port}");
        error = null;
        return true;
    }

    private static bool HasKey(string connectionString, params string[] keys)
    {
        var generic = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(key => generic.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v?.ToString()));
    }

    // "Key=value" at the start: the shape of an ADO.NET connection string, which no ordinary file path has.
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z ]*=")]
    private static partial Regex ConnectionStringKey();
}

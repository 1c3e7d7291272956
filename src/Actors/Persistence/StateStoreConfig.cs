using Akka.Configuration;
using Akka.Persistence.Sql;

namespace ActorStream.Actors.Persistence;

/// <summary>Builds the Akka.Persistence configuration that puts the journal and snapshot store on the state store's database.</summary>
public static class StateStoreConfig
{
    /// <summary>The HOCON path, and plugin id, of the SQL journal.</summary>
    public const string JournalPluginId = "akka.persistence.journal.sql";

    /// <summary>The HOCON path, and plugin id, of the SQL snapshot store.</summary>
    public const string SnapshotStorePluginId = "akka.persistence.snapshot-store.sql";

    /// <summary>The HOCON path, and plugin id, of the SQL read journal (Akka.Persistence.Query).</summary>
    public const string ReadJournalPluginId = "akka.persistence.query.journal.sql";

    /// <summary>The journal and snapshot store on <paramref name="settings"/>' database, as the default plugins, falling back to the plugin's reference configuration.</summary>
    public static Config For(StateStoreSettings settings)
    {
        var connection = Quote(settings.ConnectionString);
        var provider = Quote(settings.ProviderName);
        // SQLite has one writer at a time: concurrent journal writers only wait on each other's
        // locks (Microsoft.Data.Sqlite retries SQLITE_BUSY in 150 ms steps), so write with one.
        var writers = settings.Dialect == StateStoreDialect.Sqlite ? 1 : 3;
        // table-mapping = default: the plugin's own layout (journal, tags, snapshot) on both
        // dialects. SqlSchema creates it before the actor system starts, so auto-initialize is
        // off: the plugin's DDL footer fails on MariaDB (information_schema.INNODB_INDEXES is
        // MySQL-only, and it needs Allow User Variables).
        return ConfigurationFactory.ParseString($$"""
            akka.persistence {
              journal {
                plugin = "{{JournalPluginId}}"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = default
                  tag-write-mode = TagTable
                  auto-initialize = off
                  parallelism = {{writers}}
                }
              }
              snapshot-store {
                plugin = "{{SnapshotStorePluginId}}"
                sql {
                  connection-string = {{connection}}
                  provider-name = {{provider}}
                  table-mapping = default
                  auto-initialize = off
                }
              }
              query.journal.sql {
                connection-string = {{connection}}
                provider-name = {{provider}}
                write-plugin = "{{JournalPluginId}}"
                table-mapping = default
                tag-read-mode = TagTable
              }
            }
            """).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    // A HOCON quoted string is a JSON string: backslashes and quotes are escaped.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

using Akka.Configuration;
using Akka.Persistence.Sql;

namespace ActorStream.Actors.Persistence;

/// <summary>Builds the Akka.Persistence configuration that puts the journal and snapshot store on the state store's database.</summary>
public static class StateStoreConfig
{
    /// <summary>
    /// The HOCON path, and plugin id, of ActorStream's SQL journal: a path of its own, so that an application that
    /// embeds ActorStream keeps its own default journal (even an Akka.Persistence.Sql one) untouched beside it.
    /// </summary>
    public const string JournalPluginId = "actorstream.persistence.journal";

    /// <summary>The HOCON path, and plugin id, of ActorStream's SQL snapshot store.</summary>
    public const string SnapshotStorePluginId = "actorstream.persistence.snapshot-store";

    /// <summary>
    /// ActorStream's journal and snapshot store on <paramref name="settings"/>' database. Every persistent actor of the
    /// runtime names them; nothing here sets the actor system's default plugins. Akka.Persistence.Sql falls back to its
    /// own defaults for every setting not given.
    /// </summary>
    public static Config For(StateStoreSettings settings)
    {
        var connection = Quote(settings.ConnectionString);
        var provider = Quote(settings.ProviderName);
        // SQLite has one writer at a time: concurrent journal writers only wait on each other's
        // locks (Microsoft.Data.Sqlite retries SQLITE_BUSY in 150 ms steps), so write with one.
        var writers = settings.Dialect == StateStoreDialect.Sqlite ? 1 : 3;
        var journalClass = Quote(SqlPersistence.DefaultConfiguration.GetString("akka.persistence.journal.sql.class"));
        var snapshotClass = Quote(SqlPersistence.DefaultConfiguration.GetString("akka.persistence.snapshot-store.sql.class"));
        // table-mapping = default: the plugin's own layout (journal, tags, snapshot) on both
        // dialects. SqlSchema creates it before the actor system starts, so auto-initialize is
        // off: the plugin's DDL footer fails on MariaDB (information_schema.INNODB_INDEXES is
        // MySQL-only, and it needs Allow User Variables).
        return ConfigurationFactory.ParseString($$"""
            actorstream.persistence {
              journal {
                class = {{journalClass}}
                connection-string = {{connection}}
                provider-name = {{provider}}
                table-mapping = default
                tag-write-mode = TagTable
                auto-initialize = off
                parallelism = {{writers}}
              }
              snapshot-store {
                class = {{snapshotClass}}
                connection-string = {{connection}}
                provider-name = {{provider}}
                table-mapping = default
                auto-initialize = off
              }
            }
            """).WithFallback(SqlPersistence.DefaultConfiguration);
    }

    // A HOCON quoted string is a JSON string: backslashes and quotes are escaped.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

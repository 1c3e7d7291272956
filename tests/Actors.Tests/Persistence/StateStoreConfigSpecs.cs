using ActorStream.Actors.Persistence;

namespace ActorStream.Actors.Tests.Persistence;

public sealed class StateStoreConfigSpecs
{
    [Fact]
    public void For_should_make_the_sql_journal_and_snapshot_store_the_default_plugins()
    {
        var config = StateStoreConfig.For(StateStoreSettings.Parse("/tmp/x/state.db"));

        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));
        foreach (var plugin in new[] { StateStoreConfig.JournalPluginId, StateStoreConfig.SnapshotStorePluginId })
        {
            Assert.Equal("SQLite.MS", config.GetString($"{plugin}.provider-name"));
            Assert.False(config.GetBoolean($"{plugin}.auto-initialize"));
            Assert.Equal("default", config.GetString($"{plugin}.table-mapping"));
            // The fallback to the plugin's reference configuration supplies the rest.
            Assert.StartsWith("Akka.Persistence.Sql.", config.GetString($"{plugin}.class"));
        }
    }

    [Fact]
    public void For_should_keep_quotes_and_backslashes_of_the_connection_string()
    {
        var settings = StateStoreSettings.Parse("Server=db.local;Database=actorstream;User ID=as;Password='p\"a\\ss;word'");

        var config = StateStoreConfig.For(settings);

        Assert.Equal(settings.ConnectionString, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal(settings.ConnectionString, config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal("MySql.8.0.MySqlConnector", config.GetString("akka.persistence.journal.sql.provider-name"));
    }
}

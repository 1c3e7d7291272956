using ActorStream.Actors.Persistence;

namespace ActorStream.Actors.Tests.Persistence;

public sealed class StateStoreConfigSpecs
{
    [Fact]
    public void For_should_define_actorstreams_own_journal_and_snapshot_store_and_leave_the_defaults_alone()
    {
        var config = StateStoreConfig.For(StateStoreSettings.Parse("/tmp/x/state.db"));

        // An application that embeds ActorStream keeps its own default plugins.
        Assert.Equal(("", ""), (config.GetString("akka.persistence.journal.plugin", ""), config.GetString("akka.persistence.snapshot-store.plugin", "")));
        Assert.Equal(("actorstream.persistence.journal", "actorstream.persistence.snapshot-store"),
            (StateStoreConfig.JournalPluginId, StateStoreConfig.SnapshotStorePluginId));
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

        Assert.Equal(settings.ConnectionString, config.GetString($"{StateStoreConfig.JournalPluginId}.connection-string"));
        Assert.Equal(settings.ConnectionString, config.GetString($"{StateStoreConfig.SnapshotStorePluginId}.connection-string"));
        Assert.Equal("MySql.8.0.MySqlConnector", config.GetString($"{StateStoreConfig.JournalPluginId}.provider-name"));
    }
}

using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Actors.Tests;

public sealed class NodeSettingsSpecs
{
    private static NodeSettings Parse(string hocon) => NodeSettings.Create(ConfigurationFactory.ParseString(hocon));

    [Fact]
    public void The_reference_configuration_should_take_no_checkpoints_and_store_state_in_a_local_sqlite_file()
    {
        var settings = NodeSettings.Create();

        Assert.Null(settings.DefaultCheckpointing);
        Assert.EndsWith(Path.Combine("data", "actorstream.db"), settings.StateStore.DatabaseFile);
        Assert.Equal(20, settings.StateCompactionInterval);
    }

    [Fact]
    public void Node_wide_checkpoint_defaults_should_be_read_from_the_checkpoints_section()
    {
        var settings = Parse("""
            actorstream.checkpoints {
              interval = 5s
              mode = at-least-once
              timeout = 1m
              min-pause = 500ms
              max-concurrent = 2
              tolerable-failures = 3
              retain-on-cancel = off
            }
            """);

        Assert.Equal(new CheckpointConfig
        {
            Interval = TimeSpan.FromSeconds(5),
            Mode = CheckpointingMode.AtLeastOnce,
            Timeout = TimeSpan.FromMinutes(1),
            MinPauseBetweenCheckpoints = TimeSpan.FromMilliseconds(500),
            MaxConcurrentCheckpoints = 2,
            TolerableFailedCheckpoints = 3,
            RetainOnCancellation = false,
        }, settings.DefaultCheckpointing);
    }

    [Theory]
    [InlineData("actorstream.checkpoints { interval = 1s, mode = twice }", "actorstream.checkpoints.mode")]
    [InlineData("actorstream.checkpoints { interval = 1s, max-concurrent = 0 }", "actorstream.checkpoints")]
    [InlineData("actorstream.state.compaction-interval = 0", "actorstream.state.compaction-interval")]
    [InlineData("actorstream.state.db = \"\"", "actorstream.state.db")]
    public void A_bad_state_or_checkpoint_setting_should_fail_naming_the_key(string hocon, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(hocon));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void A_sqlite_state_store_with_seeds_of_other_nodes_should_be_refused_naming_the_key_and_the_fix()
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse("""
            actorstream.node { port = 4053, seed-nodes = ["akka.tcp://actorstream@10.0.0.2:4053"] }
            actorstream.state.db = "./data/actorstream.db"
            """));

        Assert.Contains("actorstream.state.db", error.Message);
        Assert.Contains("MySQL/MariaDB connection string", error.Message);
    }

    [Fact]
    public void A_sqlite_state_store_should_be_accepted_when_the_only_seed_is_the_node_itself()
    {
        var settings = Parse("""
            actorstream.node { hostname = "127.0.0.1", port = 4053, seed-nodes = ["akka.tcp://actorstream@127.0.0.1:4053"], slots = 3 }
            """);

        Assert.Equal(3, settings.Slots);
    }

    [Fact]
    public void A_sqlite_file_shared_by_local_nodes_should_be_accepted_with_seeds_on_this_host_only()
    {
        var local = Parse("""
            actorstream.node { hostname = "127.0.0.1", port = 4054, seed-nodes = ["akka.tcp://actorstream@127.0.0.1:4053"] }
            actorstream.state.sqlite-shared-by-local-nodes = on
            """);
        var error = Assert.Throws<ConfigurationException>(() => Parse("""
            actorstream.node { hostname = "127.0.0.1", port = 4054, seed-nodes = ["akka.tcp://actorstream@10.0.0.2:4053"] }
            actorstream.state.sqlite-shared-by-local-nodes = on
            """));

        Assert.True(local.SqliteSharedByLocalNodes);
        Assert.False(NodeSettings.Create().SqliteSharedByLocalNodes);
        Assert.Contains("actorstream.state.sqlite-shared-by-local-nodes", error.Message);
        Assert.Contains("10.0.0.2", error.Message);
    }

    [Fact]
    public void Slots_should_be_unlimited_by_default_and_a_bad_value_should_name_the_key()
    {
        Assert.Equal(Actors.Cluster.NodeSlots.Unlimited, NodeSettings.Create().Slots);
        Assert.Contains("actorstream.node.slots", Assert.Throws<ConfigurationException>(() => Parse("actorstream.node.slots = many")).Message);
        Assert.Contains("actorstream.node.slots", Assert.Throws<ConfigurationException>(() => Parse("actorstream.node.slots = 0")).Message);
    }
}

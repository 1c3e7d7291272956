using ActorStream.Actors.Persistence;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Node;

/// <summary>The Cluster Sharding settings of ActorStream's regions, apart from the actor system's defaults.</summary>
internal static class RuntimeSharding
{
    /// <summary>
    /// <c>actorstream.sharding</c> over the system's <c>akka.cluster.sharding</c>, with ActorStream's journal and snapshot
    /// store: in an application that embeds ActorStream, its own regions keep their settings, and ours never passivate.
    /// </summary>
    public static ClusterShardingSettings Settings(ActorSystem system)
    {
        ClusterSharding.Get(system); // makes sure sharding's reference configuration is in place
        var config = system.Settings.Config;
        var sharding = config.GetConfig("actorstream.sharding")
            .WithFallback(NodeSettings.Reference.GetConfig("actorstream.sharding"))
            .WithFallback(config.GetConfig("akka.cluster.sharding"));
        return ClusterShardingSettings.Create(sharding, config.GetConfig("akka.cluster.singleton"))
            .WithJournalPluginId(StateStoreConfig.JournalPluginId)
            .WithSnapshotPluginId(StateStoreConfig.SnapshotStorePluginId);
    }
}

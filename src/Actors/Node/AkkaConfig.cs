using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace ActorStream.Actors.Node;

/// <summary>Builds the Akka configuration of a node from its settings.</summary>
internal static class AkkaConfig
{
    /// <summary>
    /// Failure detection and downing: Akka's split brain resolver downs unreachable nodes (keep-majority),
    /// so sharding re-homes their entities. hocon/cluster.conf explains each setting.
    /// </summary>
    private static readonly Config Downing = ConfigurationFactory.ParseString("""
        akka.cluster {
          downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
          split-brain-resolver {
            active-strategy = keep-majority
            stable-after = 4s
          }
          failure-detector {
            heartbeat-interval = 1s
            acceptable-heartbeat-pause = 4s
          }
          # The shard coordinators keep their state in distributed data. Right after a node is removed a
          # write to "majority + 3" still counts it and waits out the timeout: majority is enough for the
          # few nodes of a stream-processing cluster, and a failed update is retried sooner.
          # Sharding's replicator asks at least majority-min-cap (5) nodes for a majority by default: in a
          # cluster of three, every node, so no shard could be allocated while one is unreachable (a
          # failover waited for its removal). A plain majority still makes every read meet the last write.
          sharding {
            distributed-data.majority-min-cap = 0
            updating-state-timeout = 2s
            coordinator-state {
              write-majority-plus = 0
              read-majority-plus = 0
            }
          }
          singleton-proxy.singleton-identification-interval = 200ms
          # Heartbeats and gossip on threads of their own: blocking work on the thread pool (the state
          # store's drivers, a busy job) must not delay them into false unreachability.
          use-dispatcher = actorstream-cluster-dispatcher
        }
        actorstream-cluster-dispatcher {
          type = ForkJoinDispatcher
          throughput = 5
          dedicated-thread-pool {
            thread-count = 2
          }
        }
        """);

    public static Config For(NodeSettings settings, Config? user)
    {
        var seeds = string.Join(", ", settings.SeedNodes.Select(s => $"\"{s}\""));
        // Sharding loads Akka.Persistence, whose default local snapshot store creates ./snapshots
        // in the working directory. Nothing is persisted there; keep it out of the user's folder.
        var snapshots = Path.Combine(Path.GetTempPath(), "actorstream", "snapshots").Replace('\\', '/');
        var node = ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = "{{settings.Hostname}}"
                port = {{settings.Port}}
                # Record batches to other nodes are sized to half a frame (RemoteBatchSizing); key-group
                # writes and checkpoint metadata travel in single messages too. 4 MiB leaves room for both.
                maximum-frame-size = 4194304b
                send-buffer-size = 4194304b
                receive-buffer-size = 4194304b
              }
              cluster {
                seed-nodes = [{{seeds}}]
                # A node announces its slots as a role; the slot manager reads them from the membership.
                roles = ["{{Cluster.NodeSlots.Role(settings.Slots)}}"]
              }
              coordinated-shutdown.run-by-clr-shutdown-hook = off
              persistence.snapshot-store.local.dir = "{{snapshots}}"
            }
            """);
        return (user ?? Config.Empty)
            .WithFallback(node)
            .WithFallback(Serialization.StateSerializer.Bindings)
            .WithFallback(Serialization.RuntimeSerializer.Bindings)
            .WithFallback(Persistence.StateStoreConfig.For(settings.StateStore))
            .WithFallback(NodeSettings.Reference)
            .WithFallback(Downing)
            .WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(Akka.Cluster.Tools.Singleton.ClusterSingleton.DefaultConfig())
            .WithFallback(Akka.DistributedData.DistributedData.DefaultConfig());
    }
}

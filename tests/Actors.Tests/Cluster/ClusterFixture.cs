using System.Net;
using System.Net.Sockets;
using ActorStream.Actors.Node;
using ActorStream.Actors.Tests.Persistence;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Configuration;

namespace ActorStream.Actors.Tests.Cluster;

/// <summary>
/// Three ActorStream nodes in one test process, each its own ActorSystem on a loopback port, joined
/// into one cluster through the first; they share a fresh MariaDB database as their state store, and
/// every node runs the same program (the catalog the test class gives).
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private readonly MariaDbServer _server = new();
    private readonly List<ActorStreamNode> _nodes = [];

    /// <summary>The running nodes, the seed first (a crashed node is no longer among them).</summary>
    public IReadOnlyList<ActorStreamNode> Nodes => _nodes;

    /// <summary>The contact points of every node ("host:port").</summary>
    public IReadOnlyList<string> ContactPoints => _nodes.Select(n => n.Address).ToList();

    /// <summary>Slots each node offers.</summary>
    protected virtual int SlotsPerNode => 2;

    /// <summary>The jobs the program of node <paramref name="index"/> defines.</summary>
    protected abstract JobCatalog CatalogOf(int index);

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort()).ToList();
        var seed = $"akka.tcp://actorstream@127.0.0.1:{ports[0]}";
        for (var i = 0; i < ports.Count; i++)
            _nodes.Add(await ActorStreamNode.StartAsync(NodeConfig(ports[i], seed), CatalogOf(i)));
        await WaitForMembersAsync(ports.Count);
        await WaitForSubtaskRegionsAsync(ports.Count);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes.AsEnumerable().Reverse())
            await node.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>
    /// Loses node <paramref name="index"/> as if it crashed: another node downs it (as the split brain resolver
    /// would), so it hands nothing off, and its actor system stops.
    /// </summary>
    public async Task CrashAsync(int index)
    {
        var victim = _nodes[index];
        var witness = _nodes[index == 0 ? 1 : 0];
        Akka.Cluster.Cluster.Get(witness.System).Down(Akka.Cluster.Cluster.Get(victim.System).SelfAddress);
        await victim.System.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(30));
        _nodes.RemoveAt(index);
    }

    private Config NodeConfig(int port, string seed) => ConfigurationFactory.ParseString($"""
        actorstream.node.port = {port}
        actorstream.node.seed-nodes = ["{seed}"]
        actorstream.node.slots = {SlotsPerNode}
        actorstream.state.db = {HoconText.Quote(_server.Settings.ConnectionString)}
        akka.actor.serialize-messages = off
        """);

    private async Task WaitForMembersAsync(int count)
    {
        var cluster = Akka.Cluster.Cluster.Get(_nodes[0].System);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (cluster.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {cluster.State.Members.Count} of {count} nodes joined.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A region the shard coordinator does not know yet cannot be given shards: until every node's subtask
    /// region registered, a slot on it would be placed elsewhere. Tests submit only once all have.
    /// </summary>
    private async Task WaitForSubtaskRegionsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var stats = await _nodes[0].SubtaskRegion.Ask<Akka.Cluster.Sharding.ClusterShardingStats>(
                new Akka.Cluster.Sharding.GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5));
            if (stats.Regions.Count >= count)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {stats.Regions.Count} of {count} subtask regions registered.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

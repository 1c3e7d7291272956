using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorStream.Actors.Client;
using ActorStream.Actors.Node;
using ActorStream.Host.Logging;
using Akka.Configuration;

namespace ActorStream.Host.Commands;

/// <summary>
/// A cluster of several node processes on 127.0.0.1 (<c>bench nexmark --nodes N</c>): this process's node, the seed
/// (it hosts the job master), and N - 1 <c>actorstream node</c> child processes of the same executable. Each node
/// offers the same number of slots, so the slot manager spreads a job's slots over all of them. The nodes share one
/// SQLite file (actorstream.state.sqlite-shared-by-local-nodes): WAL serves several processes of one machine, and a
/// benchmark needs no MariaDB. Disposing it makes the children leave the cluster, kills any that does not exit in
/// time, then stops this process's node.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private const string Host = "127.0.0.1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(15);
    private readonly List<ChildNodeProcess> _children;
    private readonly string _childConfig;

    private LoopbackCluster(ActorStreamNode node, List<ChildNodeProcess> children, IReadOnlyList<string> addresses, string childConfig)
    {
        Node = node;
        _children = children;
        Addresses = addresses;
        _childConfig = childConfig;
    }

    /// <summary>This process's node, through which jobs are submitted.</summary>
    public ActorStreamNode Node { get; }

    /// <summary>Every node's "host:port", this process's first.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>
    /// Starts this process's node and <paramref name="nodes"/> - 1 children with <paramref name="slotsPerNode"/> slots each,
    /// their state in the SQLite file <paramref name="stateDb"/>, and waits until the slot manager sees every slot.
    /// </summary>
    public static async Task<LoopbackCluster> StartAsync(int nodes, int slotsPerNode, string stateDb, string logLevel,
        CancellationToken cancellationToken)
    {
        var slots = slotsPerNode.ToString(CultureInfo.InvariantCulture);
        // Job records in memory on every node (as in the one-process mode): a benchmark's job never outlives its run.
        const string shared = """
            actorstream.node.durable-jobs = off
            actorstream.state.sqlite-shared-by-local-nodes = on
            """;
        var config = ConfigurationFactory.ParseString($"""
            akka.loggers = ["{typeof(StandardErrorLogger).AssemblyQualifiedName}"]
            akka.loglevel = {logLevel}
            akka.stdout-loglevel = {logLevel}
            akka.cluster.singleton-proxy.log-singleton-identification-failure = off
            actorstream.node.hostname = "{Host}"
            actorstream.node.port = 0
            actorstream.node.slots = {slots}
            actorstream.state.db = {HoconText.Quote(stateDb)}
            {shared}
            """);
        var node = await ActorStreamNode.StartAsync(config, ExecutionArguments.Catalog, cancellationToken).ConfigureAwait(false);
        var childConfig = Path.Combine(Path.GetTempPath(), $"actorstream-loopback-{Guid.NewGuid():N}.conf");
        var children = new List<ChildNodeProcess>();
        var addresses = new List<string> { node.Address };
        var cluster = new LoopbackCluster(node, children, addresses, childConfig);
        try
        {
            await File.WriteAllTextAsync(childConfig, shared, cancellationToken).ConfigureAwait(false);
            for (var i = 1; i < nodes; i++)
            {
                var port = FreePort().ToString(CultureInfo.InvariantCulture);
                addresses.Add($"{Host}:{port}");
                children.Add(ChildNodeProcess.Start(["--host", Host, "--port", port, "--seeds", node.Address, "--slots", slots,
                    "--state-db", stateDb, "--config", childConfig, "--log-level", logLevel.ToLowerInvariant()]));
            }
            await cluster.WaitForSlotsAsync(nodes * slotsPerNode, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// How many subtasks of job <paramref name="jobId"/> ran on each node (every node listed, this process's first),
    /// as its job master placed them; asked after the job ended, while the job master still answers.
    /// </summary>
    public async Task<IReadOnlyList<(string Node, int Subtasks)>> SubtasksPerNodeAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = ClusterConnection.Local(Node);
        var details = await connection.JobDetailsAsync(jobId, cancellationToken).ConfigureAwait(false);
        var counts = details.Vertices.SelectMany(v => v.Subtasks).GroupBy(s => s.Node).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Addresses.Select(a => (a, counts.GetValueOrDefault(a))).ToList();
    }

    /// <summary>
    /// Completes when a child process ends by itself (it crashed, or the cluster downed it) with its last output: a job
    /// that had subtasks there could only wait for slots that never come back.
    /// </summary>
    public async Task<string> ChildLostAsync(CancellationToken cancellationToken)
    {
        var exited = await Task.WhenAny(_children.Select(async c =>
        {
            await c.WaitForExitAsync(Timeout.InfiniteTimeSpan).WaitAsync(cancellationToken).ConfigureAwait(false);
            return c;
        })).ConfigureAwait(false);
        var child = await exited.ConfigureAwait(false);
        return $"the node process {child.Id} ended during the run; its last output:\n{child.Output}";
    }

    /// <summary>The nodes as "127.0.0.1:4053 (this process), 127.0.0.1:4054 (process 1234)".</summary>
    public string Description => string.Join(", ", Addresses.Select((a, i) => i == 0 ? $"{a} (this process)" : $"{a} (process {_children[i - 1].Id})"));

    /// <summary>The children's last output lines, for error messages.</summary>
    public string ChildOutputs => string.Join("\n", _children.Select((c, i) => $"--- node {Addresses[i + 1]} (process {c.Id}) ---\n{c.Output}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            var cluster = Akka.Cluster.Cluster.Get(Node.System);
            foreach (var address in Addresses.Skip(1))
                cluster.Leave(ContactPoints.ToAddress(address));
            // A child that left stops its actor system and exits; one that hangs is killed.
            await Task.WhenAll(_children.Select(c => c.WaitForExitAsync(LeaveTimeout))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var child in _children)
                child.Dispose();
            await Node.DisposeAsync().ConfigureAwait(false);
            File.Delete(_childConfig);
        }
    }

    /// <summary>
    /// A node is a member before its shard regions run, and the slot manager hears of it later still: wait until every
    /// child's job gateway answers (it starts after the regions; a shard allocation before would wait for the region's
    /// replicator) and every slot is offered, so the job gets them all and its timing includes no start-up.
    /// </summary>
    private async Task WaitForSlotsAsync(int slots, CancellationToken cancellationToken)
    {
        await using var connection = ClusterConnection.Local(Node);
        var deadline = DateTime.UtcNow + StartTimeout;
        var started = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (_children.FirstOrDefault(c => c.HasExited) is { } exited)
                throw new InvalidOperationException($"a node process (process {exited.Id}) ended before the cluster formed:\n{ChildOutputs}");
            var offered = (await connection.ListNodesAsync(cancellationToken).ConfigureAwait(false)).Where(n => n.Status == "Up").ToList();
            // Only a member is asked: remoting gates an address that refused a connection for seconds.
            foreach (var address in offered.Select(n => n.Address).Where(a => a != Node.Address && !started.Contains(a)))
            {
                if (await GatewayAnswersAsync(address, cancellationToken).ConfigureAwait(false))
                    started.Add(address);
            }
            if (started.Count == Addresses.Count - 1 && offered.Count == Addresses.Count && offered.Sum(n => n.FreeSlots) >= slots)
                return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the {Addresses.Count} nodes did not form a cluster within {StartTimeout.TotalSeconds:0} s " +
                    $"(up: {string.Join(", ", offered.Select(n => n.Address))}):\n{ChildOutputs}");
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> GatewayAnswersAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            await Node.System.ActorSelection(ContactPoints.GatewayPath(address))
                .ResolveOne(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Akka.Actor.ActorNotFoundException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

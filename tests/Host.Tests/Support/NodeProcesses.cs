using System.Net;
using System.Net.Sockets;
using ActorStream.Actors.Tests.Persistence;

namespace ActorStream.Host.Tests.Support;

/// <summary>
/// Three <c>actorstream node</c> processes on loopback ports, joined through the first, sharing a
/// fresh MariaDB database (started by the tests through scripts/mariadb.sh when none is given).
/// </summary>
public sealed class NodeProcesses : IAsyncDisposable
{
    private readonly MariaDbServer _database;
    private readonly List<CliProcess> _nodes = [];

    private NodeProcesses(MariaDbServer database, IReadOnlyList<string> addresses)
    {
        _database = database;
        Addresses = addresses;
    }

    /// <summary>The nodes' state store.</summary>
    public MariaDbServer Database => _database;

    /// <summary>The nodes' "host:port", the seed first.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>The --cluster value that names every node.</summary>
    public string Cluster => string.Join(",", Addresses);

    /// <summary>Node <paramref name="index"/>'s process.</summary>
    public CliProcess this[int index] => _nodes[index];

    /// <summary>
    /// Starts <paramref name="count"/> nodes with <paramref name="slots"/> slots each on a fresh database of
    /// <paramref name="server"/> (the shared test server when null) and waits until all are up. With
    /// <paramref name="restPort"/>, the first node serves its REST API there.
    /// </summary>
    public static async Task<NodeProcesses> StartAsync(int count = 3, int slots = 4, MariaDbServer? server = null, int? restPort = null)
    {
        var database = server ?? new MariaDbServer();
        await database.InitializeAsync();
        var addresses = Enumerable.Range(0, count).Select(_ => $"127.0.0.1:{FreePort()}").ToList();
        var nodes = new NodeProcesses(database, addresses);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        // One after the other: three .NET processes starting at once on two cores starve each other's heartbeats.
        foreach (var address in addresses)
        {
            string[] rest = restPort is { } port && address == addresses[0] ? ["--rest-port", $"{port}"] : [];
            nodes._nodes.Add(CliProcess.Start(["node", "--host", "127.0.0.1", "--port", address.Split(':')[1], "--seeds", addresses[0],
                "--slots", slots.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state-db", database.Settings.ConnectionString, .. rest]));
            while (!nodes._nodes[^1].Output.Contains(" is up with ", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > deadline || nodes._nodes.Any(n => n.HasExited))
                {
                    var outputs = string.Join("\n---\n", nodes._nodes.Select(n => n.Output));
                    await nodes.DisposeAsync();
                    throw new TimeoutException("The nodes did not come up:\n" + outputs);
                }
                await Task.Delay(100);
            }
        }
        await nodes.WaitForSlotsAsync(count * slots, deadline);
        return nodes;
    }

    /// <summary>A node is up before the slot manager heard of it: wait until every slot is offered, so submissions see them all.</summary>
    private async Task WaitForSlotsAsync(int slots, DateTime deadline)
    {
        await using var client = await ActorStream.Actors.Client.ClusterConnection.ConnectAsync(Addresses);
        while ((await client.ListNodesAsync()).Where(n => n.Status == "Up").Sum(n => n.FreeSlots) < slots)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The slot manager did not see {slots} free slots in time:\n{Outputs}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every node's output, for assertion messages.</summary>
    public string Outputs => string.Join("\n", _nodes.Select((n, i) => $"--- node {Addresses[i]} ---\n{n.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            node.Dispose();
        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

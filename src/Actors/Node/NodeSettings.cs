using ActorStream.Actors.Persistence;
using ActorStream.Graph;
using Akka.Configuration;

namespace ActorStream.Actors.Node;

/// <summary>The settings of one ActorStream node, parsed once from the <c>actorstream</c> HOCON section.</summary>
public sealed record NodeSettings
{
    /// <summary>The interface remoting listens on (actorstream.node.hostname).</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The remoting port; 0 picks a free one (actorstream.node.port).</summary>
    public int Port { get; init; }

    /// <summary>The cluster's seed nodes; empty joins itself (actorstream.node.seed-nodes).</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>Slots this node offers: one slot runs one subtask of each vertex of a job (actorstream.node.slots); <see cref="Cluster.NodeSlots.Unlimited"/> takes whatever its jobs need.</summary>
    public int Slots { get; init; } = Cluster.NodeSlots.Unlimited;

    /// <summary>
    /// Whether job masters are durable (actorstream.node.durable-jobs): on, a job's record lives in the state
    /// store and its job master entity is remembered, so the job survives the loss of that node; auto means
    /// on when the node has seed nodes (a cluster), off for the embedded one-process mode.
    /// </summary>
    public bool DurableJobs { get; init; }

    /// <summary>Shards per entity type (actorstream.node.max-shards).</summary>
    public int MaxShards { get; init; } = 100;

    /// <summary>How often subtasks report progress (actorstream.runtime.metrics-interval).</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long deployment may take (actorstream.runtime.scheduling-timeout).</summary>
    public TimeSpan SchedulingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long cancelled subtasks have to confirm (actorstream.runtime.cancellation-timeout).</summary>
    public TimeSpan CancellationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where checkpoints and keyed state are stored (actorstream.state.db): a SQLite file or a MySQL/MariaDB connection string.</summary>
    public StateStoreSettings StateStore { get; init; } = StateStoreSettings.Parse(null);

    /// <summary>
    /// Whether nodes that all run on this machine may share one SQLite file (actorstream.state.sqlite-shared-by-local-nodes):
    /// SQLite's WAL serves several processes of one host; a cluster across machines needs MySQL/MariaDB.
    /// </summary>
    public bool SqliteSharedByLocalNodes { get; init; }

    /// <summary>Writes after which a key-group entity compacts its journal into a snapshot (actorstream.state.compaction-interval).</summary>
    public int StateCompactionInterval { get; init; } = 20;

    /// <summary>How long a subtask waits for its key-group writes of a checkpoint before it declines it (actorstream.state.write-timeout).</summary>
    public TimeSpan StateWriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an unused key-group entity stays in memory (actorstream.state.entity-idle-timeout).</summary>
    public TimeSpan StateEntityIdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Checkpoints for jobs that do not configure their own (actorstream.checkpoints), or null when its interval is off.</summary>
    public CheckpointConfig? DefaultCheckpointing { get; init; }

    /// <summary>The reference configuration shipped with ActorStream (hocon/actorstream.conf).</summary>
    public static Config Reference { get; } = LoadReference();

    /// <summary>Parses and validates the settings from <paramref name="config"/> (falling back to the reference).</summary>
    public static NodeSettings Create(Config? config = null)
    {
        var c = (config ?? Config.Empty).WithFallback(Reference);
        var settings = new NodeSettings
        {
            Hostname = c.GetString("actorstream.node.hostname"),
            Port = c.GetInt("actorstream.node.port"),
            SeedNodes = c.GetStringList("actorstream.node.seed-nodes").ToList(),
            Slots = ParseSlots(c.GetString("actorstream.node.slots")),
            DurableJobs = c.GetString("actorstream.node.durable-jobs") switch
            {
                "on" or "true" => true,
                "off" or "false" => false,
                "auto" => c.GetStringList("actorstream.node.seed-nodes").Count > 0,
                var other => throw new ConfigurationException($"Invalid setting actorstream.node.durable-jobs: '{other}' is not on, off or auto."),
            },
            MaxShards = c.GetInt("actorstream.node.max-shards"),
            MetricsInterval = c.GetTimeSpan("actorstream.runtime.metrics-interval"),
            SchedulingTimeout = c.GetTimeSpan("actorstream.runtime.scheduling-timeout"),
            CancellationTimeout = c.GetTimeSpan("actorstream.runtime.cancellation-timeout"),
            StateStore = ParseStateStore(c.GetString("actorstream.state.db")),
            SqliteSharedByLocalNodes = c.GetBoolean("actorstream.state.sqlite-shared-by-local-nodes"),
            StateCompactionInterval = c.GetInt("actorstream.state.compaction-interval"),
            StateEntityIdleTimeout = c.GetTimeSpan("actorstream.state.entity-idle-timeout"),
            StateWriteTimeout = c.GetTimeSpan("actorstream.state.write-timeout"),
            DefaultCheckpointing = ParseCheckpointing(c.GetConfig("actorstream.checkpoints")),
        };
        return settings.Validate();
    }

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the key when a value is out of range.</summary>
    public NodeSettings Validate()
    {
        Require(Port is >= 0 and <= 65535, "actorstream.node.port", $"{Port} is not a port; use 0..65535 (0 picks a free port).");
        Require(Slots >= 1, "actorstream.node.slots", $"{Slots} must be at least 1 (or unlimited for a one-process node).");
        Require(StateStore.Dialect != Persistence.StateStoreDialect.Sqlite || !HasOtherSeeds() || SqliteSharedByLocalNodes,
            "actorstream.state.db", $"a SQLite file ({StateStore.Description}) serves one node only, and seed nodes name other nodes " +
            $"({string.Join(", ", SeedNodes)}). Give every node of a cluster the same MySQL/MariaDB connection string " +
            "(--state-db \"Server=...;Database=...;User ID=...;Password=...\"), or drop --seeds to run a one-node cluster.");
        Require(!SqliteSharedByLocalNodes || StateStore.Dialect != Persistence.StateStoreDialect.Sqlite || SeedsOnThisHost(),
            "actorstream.state.sqlite-shared-by-local-nodes", $"a SQLite file ({StateStore.Description}) can be shared by the nodes of " +
            $"one machine only, and seed nodes name other hosts ({string.Join(", ", SeedNodes)}); use MySQL/MariaDB for a cluster across machines.");
        Require(MaxShards >= 1, "actorstream.node.max-shards", $"{MaxShards} must be at least 1.");
        Require(MetricsInterval > TimeSpan.Zero, "actorstream.runtime.metrics-interval", "must be positive, e.g. 500ms.");
        Require(SchedulingTimeout > TimeSpan.Zero, "actorstream.runtime.scheduling-timeout", "must be positive, e.g. 60s.");
        Require(CancellationTimeout > TimeSpan.Zero, "actorstream.runtime.cancellation-timeout", "must be positive, e.g. 10s.");
        Require(!string.IsNullOrWhiteSpace(Hostname), "actorstream.node.hostname", "must name an interface, e.g. 127.0.0.1.");
        Require(StateCompactionInterval >= 1, "actorstream.state.compaction-interval", $"{StateCompactionInterval} must be at least 1.");
        Require(StateWriteTimeout > TimeSpan.Zero, "actorstream.state.write-timeout", "must be positive, e.g. 30s.");
        Require(StateEntityIdleTimeout > TimeSpan.Zero, "actorstream.state.entity-idle-timeout", "must be positive, e.g. 2m.");
        return this;
    }

    /// <summary>True when a seed node is not this node itself: the node joins (or forms) a cluster with others.</summary>
    public bool HasOtherSeeds() => SeedNodes.Any(seed =>
        !Akka.Actor.Address.TryParse(seed, out var address) || address.Host != Hostname || address.Port != Port);

    /// <summary>True when every seed node is on this node's host name: the cluster runs on one machine.</summary>
    private bool SeedsOnThisHost() => SeedNodes.All(seed => Akka.Actor.Address.TryParse(seed, out var address) && address.Host == Hostname);

    private static int ParseSlots(string value) =>
        string.Equals(value, "unlimited", StringComparison.OrdinalIgnoreCase) ? Cluster.NodeSlots.Unlimited
            : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slots) ? slots
            : throw new ConfigurationException($"Invalid setting actorstream.node.slots: '{value}' is not a number of slots or 'unlimited'.");

    private static CheckpointConfig? ParseCheckpointing(Config c)
    {
        var interval = c.GetString("interval");
        if (string.Equals(interval, "off", StringComparison.OrdinalIgnoreCase))
            return null;
        var mode = c.GetString("mode") switch
        {
            "exactly-once" => CheckpointingMode.ExactlyOnce,
            "at-least-once" => CheckpointingMode.AtLeastOnce,
            var other => throw new ConfigurationException(
                $"Invalid setting actorstream.checkpoints.mode: '{other}' is not exactly-once or at-least-once."),
        };
        try
        {
            return new CheckpointConfig
            {
                Interval = c.GetTimeSpan("interval"),
                Mode = mode,
                Timeout = c.GetTimeSpan("timeout"),
                MinPauseBetweenCheckpoints = c.GetTimeSpan("min-pause"),
                MaxConcurrentCheckpoints = c.GetInt("max-concurrent"),
                TolerableFailedCheckpoints = c.GetInt("tolerable-failures"),
                RetainOnCancellation = c.GetBoolean("retain-on-cancel"),
            }.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ConfigurationException($"Invalid setting in actorstream.checkpoints ({e.ParamName}): {e.Message}");
        }
    }

    private static StateStoreSettings ParseStateStore(string value) =>
        StateStoreSettings.TryParse(value, out var settings, out var error) ? settings
            : throw new ConfigurationException($"Invalid setting actorstream.state.db (--state-db): {error}");

    private static void Require(bool condition, string key, string problem)
    {
        if (!condition)
            throw new ConfigurationException($"Invalid setting {key}: {problem}");
    }

    private static Config LoadReference()
    {
        using var stream = typeof(NodeSettings).Assembly.GetManifestResourceStream("ActorStream.Actors.actorstream.conf")
            ?? throw new InvalidOperationException("The embedded reference configuration actorstream.conf is missing.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}

using ActorStream.Actors.Client;
using ActorStream.Actors.Cluster;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.State;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.Event;

namespace ActorStream.Actors.Node;

/// <summary>
/// One ActorStream node: an ActorSystem in an Akka cluster with the shard regions of job masters,
/// subtasks and key-group state, the slot manager (a cluster singleton) and the job gateway that
/// clients talk to. Local mode is a one-member cluster that joins itself: the same code path as a
/// real cluster.
/// </summary>
public sealed class ActorStreamNode : IAsyncDisposable
{
    private readonly bool _ownsSystem;

    private ActorStreamNode(ActorSystem system, bool ownsSystem, NodeSettings settings, RuntimeServices services,
        IActorRef subtaskRegion, IActorRef jobMasterRegion)
    {
        System = system;
        _ownsSystem = ownsSystem;
        Settings = settings;
        Services = services;
        SubtaskRegion = subtaskRegion;
        JobMasterRegion = jobMasterRegion;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The node's settings.</summary>
    public NodeSettings Settings { get; }

    /// <summary>What the node's entities share.</summary>
    public RuntimeServices Services { get; }

    /// <summary>The shard region of subtasks.</summary>
    public IActorRef SubtaskRegion { get; }

    /// <summary>The shard region of job masters.</summary>
    public IActorRef JobMasterRegion { get; }

    /// <summary>This node's job gateway: submissions, job lists, and commands to any job of the cluster.</summary>
    public IActorRef JobGateway { get; private init; } = ActorRefs.Nobody;

    /// <summary>The node's address as "host:port".</summary>
    public string Address => NodeSlots.HostPort(Akka.Cluster.Cluster.Get(System).SelfAddress);

    /// <summary>An executor that submits jobs to this node.</summary>
    public IJobExecutor Executor => new NodeJobExecutor(this);

    /// <summary>
    /// Starts a node with its own actor system and waits until it is an Up cluster member.
    /// <paramref name="catalog"/> holds the jobs this program defines, which clients submit by name.
    /// </summary>
    public static async Task<ActorStreamNode> StartAsync(Config? config = null, JobCatalog? catalog = null,
        CancellationToken cancellationToken = default)
    {
        var settings = NodeSettings.Create(config);
        // Durable job masters are remembered in the journal from the node's start: the tables must exist by then.
        if (settings.DurableJobs)
            Persistence.StateStoreInitializer.EnsureOnce(settings.StateStore);
        var system = ActorSystem.Create("actorstream", AkkaConfig.For(settings, config));
        try
        {
            await JoinAsync(system, settings, cancellationToken).ConfigureAwait(false);
            return await AttachAsync(system, settings, catalog ?? new JobCatalog(), ownsSystem: true).ConfigureAwait(false);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts ActorStream's shard regions in an existing cluster actor system (embedding). The system must have been
    /// created with <see cref="EmbeddingConfig"/> as a fallback (ActorStream.Hosting's WithActorStream does that).
    /// </summary>
    public static Task<ActorStreamNode> AttachAsync(ActorSystem system, NodeSettings? settings = null, JobCatalog? catalog = null)
    {
        var config = system.Settings.Config;
        var missing = new[]
        {
            ("akka.actor.serializers.actorstream-runtime", "ActorStream's serializer bindings"),
            ($"{Persistence.StateStoreConfig.JournalPluginId}.class", $"its journal ({Persistence.StateStoreConfig.JournalPluginId})"),
        }.Where(required => !config.HasPath(required.Item1)).Select(required => required.Item2).ToList();
        if (missing.Count > 0)
            throw new ConfigurationException($"The actor system '{system.Name}' lacks {string.Join(" and ", missing)}: add ActorStream with " +
                "Akka.Hosting's WithActorStream (package ActorStream.Hosting), or create the system with ActorStreamNode.EmbeddingConfig(settings) as a fallback.");
        return AttachAsync(system, settings ?? NodeSettings.Create(config), catalog ?? new JobCatalog(), ownsSystem: false);
    }

    /// <summary>
    /// What an actor system needs to host ActorStream beside the application's own actors: the actorstream.* settings,
    /// ActorStream's serializer bindings and its own journal and snapshot store on <paramref name="settings"/>' state store.
    /// It sets none of the system's defaults (default journal, sharding settings), so the application's keep working.
    /// </summary>
    public static Config EmbeddingConfig(NodeSettings settings) => NodeSettings.Reference
        .WithFallback(Serialization.StateSerializer.Bindings)
        .WithFallback(Serialization.RuntimeSerializer.Bindings)
        .WithFallback(Persistence.StateStoreConfig.For(settings.StateStore));

    /// <summary>
    /// Takes the state store's whole path once (see <see cref="Persistence.StateStoreWarmUp"/>) unless this node did already;
    /// completes when done, never faulted: a store that fails here fails the job's own first use with its error.
    /// A node that checkpoints by default or keeps durable jobs starts it by itself.
    /// </summary>
    public Task WarmUpStateStoreAsync()
    {
        lock (_warmUpLock)
            return _warmUp ??= WarmUp();

        async Task WarmUp()
        {
            try
            {
                await Persistence.StateStoreWarmUp.Run(System, Settings.StateStore).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                System.Log.Warning("The state store ({0}) could not be warmed up: {1}", Settings.StateStore.Description, e.Message);
            }
        }
    }

    private readonly object _warmUpLock = new();
    private Task? _warmUp;

    /// <summary>Registers <paramref name="graph"/>, built in this process, and submits it to its job master.</summary>
    public IJobClient Submit(JobGraph graph)
    {
        var jobId = Guid.NewGuid().ToString("N");
        return Submit(jobId, Services.Graphs.Register(jobId, graph));
    }

    /// <summary>
    /// Submits a job of the node's <see cref="JobCatalog"/> by <paramref name="spec"/> (application mode): every node
    /// rebuilds its graph, so its subtasks run wherever the cluster has slots. The client's result carries the job's
    /// own duration, as for a graph built in this process.
    /// </summary>
    public IJobClient Submit(JobSpec spec) => Submit(Guid.NewGuid().ToString("N"), spec);

    private JobClient Submit(string jobId, JobSpec spec)
    {
        var outcome = new TaskCompletionSource<JobExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = System.ActorOf(JobResultListener.Props(outcome), $"job-{jobId}");
        JobMasterRegion.Tell(new ShardingEnvelope(jobId, new SubmitJob(jobId, spec, listener)));
        return new JobClient(jobId, JobMasterRegion, outcome.Task);
    }

    /// <summary>Leaves the cluster gracefully (its entities move to other nodes), then stops the actor system if the node owns it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsSystem)
            await System.Terminate().ConfigureAwait(false); // runs coordinated shutdown: shard hand-off, then cluster leave
        Services.Metrics?.Dispose();
    }

    private static async Task<ActorStreamNode> AttachAsync(ActorSystem system, NodeSettings settings, JobCatalog catalog, bool ownsSystem)
    {
        var sharding = ClusterSharding.Get(system);
        var shardingSettings = RuntimeSharding.Settings(system);
        var extractor = new StableMessageExtractor(settings.MaxShards);
        var slotManager = StartSlotManager(system);
        var keyGroups = await sharding.StartAsync(EntityIds.KeyGroupTypeName,
            entityId => KeyGroupStateActor.Props(entityId, settings.StateCompactionInterval, settings.StateEntityIdleTimeout),
            shardingSettings, extractor).ConfigureAwait(false);
        var services = new RuntimeServices(new JobGraphs(catalog), TimeProvider.System)
        {
            MetricsInterval = settings.MetricsInterval,
            Metrics = new NodeMetrics(() => NodeSlots.HostPort(Akka.Cluster.Cluster.Get(system).SelfAddress)),
            SchedulingTimeout = settings.SchedulingTimeout,
            CancellationTimeout = settings.CancellationTimeout,
            KeyGroupRegion = keyGroups,
            SlotManager = slotManager,
            DurableJobs = settings.DurableJobs,
            StateWriteTimeout = settings.StateWriteTimeout,
            RemoteMessageBytes = RemoteMessageBudget(system.Settings.Config),
            Directory = new JobDirectory(system),
            StateStore = settings.StateStore,
            DefaultCheckpointing = settings.DefaultCheckpointing,
        };
        var subtasks = await sharding.StartAsync(EntityIds.SubtaskTypeName,
            _ => SubtaskActor.Props(services), shardingSettings, new SubtaskShards(),
            new SlotAllocationStrategy(() => slotManager, TimeSpan.FromSeconds(5)), PoisonPill.Instance).ConfigureAwait(false);
        // Durable job masters are remembered entities: when their node is lost, sharding starts them elsewhere at once.
        var jobMasters = await sharding.StartAsync(EntityIds.JobMasterTypeName,
            _ => JobMasterActor.Props(services, subtasks), shardingSettings.WithRememberEntities(settings.DurableJobs), extractor,
            new OldestNodeAllocationStrategy(), PoisonPill.Instance).ConfigureAwait(false);
        var gateway = system.ActorOf(JobGatewayActor.Props(services.Graphs, jobMasters, slotManager, services.Directory), JobGatewayActor.Name);
        var node = new ActorStreamNode(system, ownsSystem, settings, services, subtasks, jobMasters) { JobGateway = gateway };
        if (settings.DurableJobs || settings.DefaultCheckpointing is not null)
            _ = node.WarmUpStateStoreAsync();
        return node;
    }

    /// <summary>Half of Akka.Remote's frame size, checked at start: a message larger than a frame is dropped, which would stall a channel.</summary>
    private static int RemoteMessageBudget(Config config)
    {
        const string key = "akka.remote.dot-netty.tcp.maximum-frame-size";
        var frame = config.GetByteSize(key) ?? 128_000;
        if (frame < MinimumFrameSize)
            throw new ConfigurationException($"Invalid setting {key}: {frame} bytes is too small for ActorStream's record batches and " +
                $"checkpoint messages; use at least {MinimumFrameSize} bytes (the node's default is 4 MiB).");
        return (int)Math.Min(frame / 2, int.MaxValue);
    }

    private const long MinimumFrameSize = 256 * 1024;

    /// <summary>The slot manager runs once in the cluster (on the oldest node); every node talks to it through a proxy.</summary>
    private static IActorRef StartSlotManager(ActorSystem system)
    {
        system.ActorOf(ClusterSingletonManager.Props(SlotManagerActor.Props(), PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system)), "actorstream-slots");
        return system.ActorOf(ClusterSingletonProxy.Props("/user/actorstream-slots", ClusterSingletonProxySettings.Create(system)),
            "actorstream-slots-proxy");
    }

    private static async Task JoinAsync(ActorSystem system, NodeSettings settings, CancellationToken cancellationToken)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        if (settings.SeedNodes.Count == 0)
            cluster.Join(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
    }
}

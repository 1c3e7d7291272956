using ActorStream.Actors.Client;
using ActorStream.Actors.JobMaster;
using ActorStream.Actors.State;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace ActorStream.Actors.Node;

/// <summary>
/// One ActorStream node: an ActorSystem in an Akka cluster with the shard regions of job masters
/// and subtasks. Local mode is a one-member cluster that joins itself: the same code path as a
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

    /// <summary>An executor that submits jobs to this node.</summary>
    public IJobExecutor Executor => new NodeJobExecutor(this);

    /// <summary>Starts a node with its own actor system and waits until it is an Up cluster member.</summary>
    public static async Task<ActorStreamNode> StartAsync(Config? config = null, CancellationToken cancellationToken = default)
    {
        var settings = NodeSettings.Create(config);
        var system = ActorSystem.Create("actorstream", AkkaConfig.For(settings, config));
        try
        {
            await JoinAsync(system, settings, cancellationToken).ConfigureAwait(false);
            return await AttachAsync(system, settings, ownsSystem: true).ConfigureAwait(false);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts ActorStream's shard regions in an existing cluster actor system (embedding).</summary>
    public static Task<ActorStreamNode> AttachAsync(ActorSystem system, NodeSettings? settings = null) =>
        AttachAsync(system, settings ?? NodeSettings.Create(system.Settings.Config), ownsSystem: false);

    /// <summary>Registers <paramref name="graph"/> and submits it to its job master.</summary>
    public IJobClient Submit(JobGraph graph)
    {
        var jobId = Guid.NewGuid().ToString("N");
        Services.Graphs.Register(jobId, graph);
        var outcome = new TaskCompletionSource<JobExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = System.ActorOf(JobResultListener.Props(outcome), $"job-{jobId}");
        JobMasterRegion.Tell(new ShardingEnvelope(jobId, new SubmitJob(jobId, listener)));
        return new JobClient(jobId, JobMasterRegion, outcome.Task);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsSystem)
            await System.Terminate().ConfigureAwait(false);
    }

    private static async Task<ActorStreamNode> AttachAsync(ActorSystem system, NodeSettings settings, bool ownsSystem)
    {
        var sharding = ClusterSharding.Get(system);
        var shardingSettings = ClusterShardingSettings.Create(system);
        var extractor = new StableMessageExtractor(settings.MaxShards);
        var keyGroups = await sharding.StartAsync(EntityIds.KeyGroupTypeName,
            entityId => KeyGroupStateActor.Props(entityId, settings.StateCompactionInterval, settings.StateEntityIdleTimeout),
            shardingSettings, extractor).ConfigureAwait(false);
        var services = new RuntimeServices(new JobGraphRegistry(), TimeProvider.System)
        {
            MetricsInterval = settings.MetricsInterval,
            SchedulingTimeout = settings.SchedulingTimeout,
            CancellationTimeout = settings.CancellationTimeout,
            KeyGroupRegion = keyGroups,
            StateStore = settings.StateStore,
            DefaultCheckpointing = settings.DefaultCheckpointing,
        };
        var subtasks = await sharding.StartAsync(EntityIds.SubtaskTypeName,
            _ => SubtaskActor.Props(services), shardingSettings, extractor).ConfigureAwait(false);
        var jobMasters = await sharding.StartAsync(EntityIds.JobMasterTypeName,
            _ => JobMasterActor.Props(services, subtasks), shardingSettings, extractor).ConfigureAwait(false);
        return new ActorStreamNode(system, ownsSystem, settings, services, subtasks, jobMasters);
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

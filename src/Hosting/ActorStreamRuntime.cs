using System.Collections.Concurrent;
using ActorStream.Actors.Client;
using ActorStream.Actors.Cluster;
using ActorStream.Actors.Node;
using ActorStream.Actors.Persistence;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka;
using Akka.Actor;
using Akka.Event;

namespace ActorStream.Hosting;

/// <summary>
/// ActorStream inside an application's actor system (an Akka extension): started by WithActorStream once the system is
/// up, it runs this member's part of the cluster's jobs, submits the application's jobs and stops them when the
/// application stops. Also in DI (see <see cref="ActorStreamHostingExtensions.AddActorStream"/>).
/// </summary>
public sealed class ActorStreamRuntime : IExtension, IActorStreamJobs
{
    private readonly ActorSystem _system;
    private readonly TaskCompletionSource<ActorStreamNode> _node = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, IJobClient> _submitted = new();

    internal ActorStreamRuntime(ActorSystem system)
    {
        _system = system;
        Executor = new RuntimeExecutor(this);
    }

    /// <summary>The runtime of <paramref name="system"/>.</summary>
    public static ActorStreamRuntime Get(ActorSystem system) => system.WithExtension<ActorStreamRuntime, RuntimeProvider>();

    /// <summary>Runs jobs built in this process (graphs that only this member can build) on this member's node.</summary>
    public IJobExecutor Executor { get; }

    /// <summary>The node once started (its shard regions, executor and settings).</summary>
    public Task<ActorStreamNode> Node => _node.Task;

    internal async Task StartAsync(NodeSettings settings, ActorStreamOptions options)
    {
        try
        {
            var cluster = Akka.Cluster.Cluster.Get(_system);
            var role = NodeSlots.Role(settings.Slots);
            if (!cluster.SelfRoles.Contains(role))
                throw new InvalidOperationException($"This member's cluster roles ({string.Join(", ", cluster.SelfRoles)}) lack '{role}', " +
                    "which tells the cluster its ActorStream slots: call WithActorStream after WithClustering, or add the role to ClusterOptions.Roles.");
            StateStoreInitializer.EnsureOnce(settings.StateStore);
            var node = await ActorStreamNode.AttachAsync(_system, settings, options.Catalog).ConfigureAwait(false);
            CoordinatedShutdown.Get(_system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "actorstream-stop-jobs",
                () => StopSubmittedAsync(options.OnShutdown, options.ShutdownTimeout));
            _node.TrySetResult(node);
        }
        catch (Exception e)
        {
            _node.TrySetException(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IJobClient> SubmitAsync(string jobName, IReadOnlyDictionary<string, string>? arguments = null,
        CancellationToken cancellationToken = default)
    {
        var node = await Node.WaitAsync(cancellationToken).ConfigureAwait(false);
        var spec = node.Services.Graphs.Catalog.Describe(jobName, arguments ?? new Dictionary<string, string>()).Spec;
        var connection = ClusterConnection.Local(node);
        var jobId = await connection.SubmitAsync(spec, cancellationToken).ConfigureAwait(false);
        return connection.Job(jobId, jobName);
    }

    /// <inheritdoc />
    public async Task<IJobClient> JobAsync(string jobId, CancellationToken cancellationToken = default) =>
        ClusterConnection.Local(await Node.WaitAsync(cancellationToken).ConfigureAwait(false)).Job(jobId);

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await ClusterConnection.Local(await Node.WaitAsync(cancellationToken).ConfigureAwait(false)).ListJobsAsync(cancellationToken)
            .ConfigureAwait(false);

    private async Task<IJobClient> SubmitGraphAsync(JobGraph graph, CancellationToken cancellationToken)
    {
        var node = await Node.WaitAsync(cancellationToken).ConfigureAwait(false);
        var client = node.Submit(graph);
        _submitted[client.JobId] = client;
        _ = client.Completion.ContinueWith(_ => _submitted.TryRemove(client.JobId, out IJobClient? _), TaskScheduler.Default);
        return client;
    }

    /// <summary>The application stops: its jobs stop with a savepoint (or are cancelled) before the member leaves.</summary>
    private async Task<Done> StopSubmittedAsync(JobShutdown mode, TimeSpan timeout)
    {
        var running = _submitted.Values.Where(c => !c.Completion.IsCompleted).ToList();
        if (running.Count == 0)
            return Done.Instance;
        var log = Logging.GetLogger(_system, typeof(ActorStreamRuntime));
        log.Info("Stopping {0} ActorStream job(s) ({1}) as the application stops", running.Count, mode);
        using var deadline = new CancellationTokenSource(timeout);
        await Task.WhenAll(running.Select(async client =>
        {
            try
            {
                if (mode == JobShutdown.StopWithSavepoint)
                    log.Info("Job {0} stopped with savepoint {1}", client.JobId,
                        await client.StopWithSavepointAsync(deadline.Token).ConfigureAwait(false));
                else
                    await client.CancelAsync(deadline.Token).ConfigureAwait(false);
                await client.Completion.WaitAsync(deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                log.Warning("Job {0} did not stop cleanly ({1}: {2}); cancelling it", client.JobId, e.GetType().Name, e.Message);
                await client.CancelAsync(CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return Done.Instance;
    }

    private sealed class RuntimeExecutor(ActorStreamRuntime runtime) : IJobExecutor
    {
        public Task<IJobClient> SubmitAsync(JobGraph jobGraph, CancellationToken cancellationToken = default) =>
            runtime.SubmitGraphAsync(jobGraph, cancellationToken);
    }

    private sealed class RuntimeProvider : ExtensionIdProvider<ActorStreamRuntime>
    {
        public override ActorStreamRuntime CreateExtension(ExtendedActorSystem system) => new(system);
    }
}

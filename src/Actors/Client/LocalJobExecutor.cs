using ActorStream.Actors.Node;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka.Configuration;

namespace ActorStream.Actors.Client;

/// <summary>
/// The default executor: starts a one-process local node for each job and shuts it down when
/// the job ends. Needs nothing installed. <paramref name="attach"/>, when given, starts something
/// beside the node (e.g. a REST server) once it is up, and is disposed before the node shuts down.
/// </summary>
public sealed class LocalJobExecutor(Config? config = null, Func<ActorStreamNode, CancellationToken, Task<IAsyncDisposable>>? attach = null)
    : IJobExecutor
{
    /// <summary>
    /// The slot manager's singleton proxy warns when it has not found its singleton for a while; in a one-node run that
    /// warning only ever came from a job ending before the first identification completed: noise beside the run's output.
    /// </summary>
    private static readonly Config OneNode = ConfigurationFactory.ParseString("akka.cluster.singleton-proxy.log-singleton-identification-failure = off");

    /// <inheritdoc />
    public async Task<IJobClient> SubmitAsync(JobGraph jobGraph, CancellationToken cancellationToken = default)
    {
        var node = await ActorStreamNode.StartAsync((config ?? Config.Empty).WithFallback(OneNode), cancellationToken: cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? attached = null;
        try
        {
            if (attach is not null)
                attached = await attach(node, cancellationToken).ConfigureAwait(false);
            // The job is about to load its checkpoints: the store's first use runs now, before the job's clock starts.
            if (node.Services.UsesStateStore(jobGraph))
                await node.WarmUpStateStoreAsync().ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new NodeOwningClient(node.Submit(jobGraph), node, attached);
    }

    private sealed class NodeOwningClient(IJobClient inner, ActorStreamNode node, IAsyncDisposable? attached) : IJobClient
    {
        private readonly Task<JobExecutionResult> _completion = CompleteAndShutDown(inner, node, attached);

        public string JobId => inner.JobId;

        public Task<JobExecutionResult> Completion => _completion;

        public Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default) => inner.GetProgressAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

        public Task CancelAsync(CancellationToken cancellationToken = default) => inner.CancelAsync(cancellationToken);

        public Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default) => inner.TriggerSavepointAsync(cancellationToken);

        public Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default) => inner.StopWithSavepointAsync(cancellationToken);

        private static async Task<JobExecutionResult> CompleteAndShutDown(IJobClient inner, ActorStreamNode node, IAsyncDisposable? attached)
        {
            try
            {
                return await inner.Completion.ConfigureAwait(false);
            }
            finally
            {
                if (attached is not null)
                    await attached.DisposeAsync().ConfigureAwait(false);
                await node.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

using ActorStream.Actors.Node;
using ActorStream.Graph;
using ActorStream.Graph.Plan;
using Akka.Configuration;

namespace ActorStream.Actors.Client;

/// <summary>
/// The default executor: starts a one-process local node for each job and shuts it down when
/// the job ends. Needs nothing installed.
/// </summary>
public sealed class LocalJobExecutor(Config? config = null) : IJobExecutor
{
    /// <inheritdoc />
    public async Task<IJobClient> SubmitAsync(JobGraph jobGraph, CancellationToken cancellationToken = default)
    {
        var node = await ActorStreamNode.StartAsync(config, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new NodeOwningClient(node.Submit(jobGraph), node);
    }

    private sealed class NodeOwningClient(IJobClient inner, ActorStreamNode node) : IJobClient
    {
        private readonly Task<JobExecutionResult> _completion = CompleteAndShutDown(inner, node);

        public string JobId => inner.JobId;

        public Task<JobExecutionResult> Completion => _completion;

        public Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default) => inner.GetProgressAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

        public Task CancelAsync(CancellationToken cancellationToken = default) => inner.CancelAsync(cancellationToken);

        public Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default) => inner.TriggerSavepointAsync(cancellationToken);

        public Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default) => inner.StopWithSavepointAsync(cancellationToken);

        private static async Task<JobExecutionResult> CompleteAndShutDown(IJobClient inner, ActorStreamNode node)
        {
            try
            {
                return await inner.Completion.ConfigureAwait(false);
            }
            finally
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Found by <see cref="StreamExecutionEnvironment.Create"/> when no executor is given.</summary>
public sealed class LocalExecutorFactory : IJobExecutorFactory
{
    /// <inheritdoc />
    public IJobExecutor Create() => new LocalJobExecutor();
}

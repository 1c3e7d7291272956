using ActorStream.Actors.Node;
using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Client;

/// <summary>Submits jobs to a running node that the caller owns.</summary>
public sealed class NodeJobExecutor(ActorStreamNode node) : IJobExecutor
{
    /// <inheritdoc />
    public Task<IJobClient> SubmitAsync(JobGraph jobGraph, CancellationToken cancellationToken = default) =>
        Task.FromResult(node.Submit(jobGraph));
}

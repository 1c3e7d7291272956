using System.Collections.Concurrent;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Node;

/// <summary>
/// The job graphs this node can run, by job id. In application mode every node builds the same
/// graphs from the same program, so entities look graphs up here instead of receiving them.
/// </summary>
public sealed class JobGraphRegistry
{
    private readonly ConcurrentDictionary<string, JobGraph> _graphs = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="graph"/> under <paramref name="jobId"/>.</summary>
    public void Register(string jobId, JobGraph graph)
    {
        if (!_graphs.TryAdd(jobId, graph))
            throw new InvalidOperationException($"A job with id '{jobId}' is already registered.");
    }

    /// <summary>The graph of <paramref name="jobId"/>, if known.</summary>
    public bool TryGet(string jobId, out JobGraph graph) => _graphs.TryGetValue(jobId, out graph!);

    /// <summary>Forgets a finished job.</summary>
    public void Remove(string jobId) => _graphs.TryRemove(jobId, out _);
}

using System.Collections.Concurrent;
using ActorStream.Graph;
using ActorStream.Graph.Plan;

namespace ActorStream.Actors.Node;

/// <summary>
/// The job graphs of one node, by job id. A job submitted by name is rebuilt from its
/// <see cref="JobSpec"/> through the node's <see cref="JobCatalog"/> the first time an entity of the
/// job needs it, checked against the submitted fingerprint, and cached; a graph built in this process
/// (<see cref="ActorStreamNode.Submit(JobGraph)"/>) is registered directly and runs on this node only.
/// </summary>
public sealed class JobGraphs(JobCatalog catalog)
{
    private readonly ConcurrentDictionary<string, (JobSpec Spec, JobGraph Graph)> _graphs = new(StringComparer.Ordinal);

    /// <summary>The jobs this node's program defines.</summary>
    public JobCatalog Catalog { get; } = catalog;

    /// <summary>Registers a graph built in this process and returns its spec.</summary>
    public JobSpec Register(string jobId, JobGraph graph)
    {
        var spec = new JobSpec(graph.JobName, new Dictionary<string, string>(),
            new JobFingerprint(JobFingerprints.OfGraph(graph), LocalBuild));
        if (!_graphs.TryAdd(jobId, (spec, graph)))
            throw new InvalidOperationException($"A job with id '{jobId}' is already registered.");
        return spec;
    }

    /// <summary>
    /// The graph of job <paramref name="jobId"/> as submitted in <paramref name="spec"/>: cached, or
    /// rebuilt from the catalog. Throws <see cref="JobDeploymentException"/> with the reason when this
    /// node cannot run exactly that graph.
    /// </summary>
    public JobGraph Resolve(string jobId, JobSpec spec)
    {
        if (_graphs.TryGetValue(jobId, out var cached))
        {
            return cached.Spec.Fingerprint.Mismatch(spec.Fingerprint) is { } mismatch
                ? throw new JobDeploymentException($"job '{spec.JobName}' ({jobId}) does not match its submission: {mismatch}")
                : cached.Graph;
        }
        if (spec.Fingerprint.Build == LocalBuild)
            throw new JobDeploymentException($"job '{spec.JobName}' ({jobId}) was submitted as a graph built in another process; " +
                "only jobs registered by name in the program's JobCatalog can run on other nodes of a cluster");
        var graph = Catalog.Rebuild(spec);
        return _graphs.GetOrAdd(jobId, (spec, graph)).Graph;
    }

    /// <summary>Forgets an ended job.</summary>
    public void Remove(string jobId) => _graphs.TryRemove(jobId, out _);

    /// <summary>The build fingerprint of graphs built in-process rather than from the catalog.</summary>
    private const string LocalBuild = "in-process";
}

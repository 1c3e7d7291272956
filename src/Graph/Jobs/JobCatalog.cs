using System.Reflection;
using ActorStream.Graph.Plan;

namespace ActorStream.Graph;

/// <summary>
/// The jobs a program defines, by name (application mode): every node of a cluster runs the same
/// program with the same catalog, so a job master and each subtask rebuild a submitted job's graph
/// from its <see cref="JobSpec"/> on their own node. Building must be deterministic: the same
/// arguments give the same graph (operators carry uids).
/// </summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, Action<StreamExecutionEnvironment, IReadOnlyDictionary<string, string>>> _jobs =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Assembly> _assemblies = [];

    /// <summary>The names of the registered jobs.</summary>
    public IReadOnlyCollection<string> Names => _jobs.Keys;

    /// <summary>
    /// Registers <paramref name="build"/> under <paramref name="name"/>: it adds the job's sources,
    /// operators and sinks to the environment it is given, reading its options from the arguments.
    /// </summary>
    public JobCatalog Add(string name, Action<StreamExecutionEnvironment, IReadOnlyDictionary<string, string>> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_jobs.TryAdd(name, build))
            throw new InvalidOperationException($"The job catalog already has a job named '{name}'.");
        _assemblies.Add(build.Method.Module.Assembly);
        return this;
    }

    /// <summary>True when a job named <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _jobs.ContainsKey(name);

    /// <summary>The fingerprint of the program build: the assemblies that define the registered jobs.</summary>
    public string BuildFingerprint => JobFingerprints.OfBuild(_assemblies);

    /// <summary>Builds the job <paramref name="name"/> with <paramref name="arguments"/> and describes it as a spec to submit.</summary>
    public (JobSpec Spec, JobGraph Graph) Describe(string name, IReadOnlyDictionary<string, string> arguments)
    {
        var graph = BuildGraph(name, arguments);
        var spec = new JobSpec(name, new Dictionary<string, string>(arguments, StringComparer.Ordinal),
            new JobFingerprint(JobFingerprints.OfGraph(graph), BuildFingerprint));
        return (spec, graph);
    }

    /// <summary>
    /// Rebuilds the graph of <paramref name="spec"/>; throws <see cref="JobDeploymentException"/> when
    /// this program does not define the job or builds a different graph or build than the submitter's.
    /// </summary>
    public JobGraph Rebuild(JobSpec spec)
    {
        if (!Contains(spec.JobName))
            throw new JobDeploymentException($"job '{spec.JobName}' is not in this node's job catalog " +
                $"(it has: {(Names.Count == 0 ? "none" : string.Join(", ", Names))}); every node must run the program that defines the job");
        JobGraph graph;
        try
        {
            graph = BuildGraph(spec.JobName, spec.Arguments);
        }
        catch (Exception e)
        {
            throw new JobDeploymentException($"job '{spec.JobName}' could not be built on this node: {e.GetType().Name}: {e.Message}", e);
        }
        var built = new JobFingerprint(JobFingerprints.OfGraph(graph), BuildFingerprint);
        if (built.Mismatch(spec.Fingerprint) is { } mismatch)
            throw new JobDeploymentException($"job '{spec.JobName}' does not match its submission: {mismatch}");
        return graph;
    }

    private JobGraph BuildGraph(string name, IReadOnlyDictionary<string, string> arguments)
    {
        if (!_jobs.TryGetValue(name, out var build))
            throw new ArgumentException($"The job catalog has no job named '{name}'.", nameof(name));
        var env = StreamExecutionEnvironment.Create();
        build(env, arguments);
        return env.GetJobGraph(name);
    }
}

/// <summary>A job cannot be deployed on a node: unknown to its program, or built differently than submitted.</summary>
public sealed class JobDeploymentException(string message, Exception? inner = null) : Exception(message, inner);

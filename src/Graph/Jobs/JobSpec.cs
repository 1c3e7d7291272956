namespace ActorStream.Graph;

/// <summary>
/// What a client submits to a cluster instead of a built graph (application mode): the job's name
/// in the <see cref="JobCatalog"/>, its arguments and the fingerprint of the graph the client built
/// from them. Every node rebuilds the same graph from it; no delegate or object crosses a node.
/// </summary>
public sealed record JobSpec(string JobName, IReadOnlyDictionary<string, string> Arguments, JobFingerprint Fingerprint)
{
    /// <inheritdoc />
    public bool Equals(JobSpec? other) =>
        other is not null && JobName == other.JobName && Fingerprint == other.Fingerprint
        && Arguments.Count == other.Arguments.Count
        && Arguments.All(a => other.Arguments.TryGetValue(a.Key, out var v) && v == a.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(JobName, Fingerprint);
}

/// <summary>
/// Identifies a job graph and the program that built it: <paramref name="Graph"/> hashes the plan
/// (operators, uids, parallelism, partitioning, settings), <paramref name="Build"/> the assemblies
/// that define the job. Nodes that disagree on either would run different programs.
/// </summary>
public sealed record JobFingerprint(string Graph, string Build)
{
    /// <summary>What differs from <paramref name="expected"/>, in words, or null when nothing does.</summary>
    public string? Mismatch(JobFingerprint expected)
    {
        if (Build != expected.Build)
            return $"the program build differs (submitted build {expected.Build}, this node runs build {Build}): every node must run the same version of the program";
        if (Graph != expected.Graph)
            return $"the job graph built from the same arguments differs (submitted {expected.Graph}, built here {Graph}): graph building must be deterministic";
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"graph {Graph}, build {Build}";
}

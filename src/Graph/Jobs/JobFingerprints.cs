using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ActorStream.Graph.Plan;

namespace ActorStream.Graph;

/// <summary>Computes the parts of a <see cref="JobFingerprint"/>.</summary>
public static class JobFingerprints
{
    /// <summary>
    /// A hash of <paramref name="graph"/>'s plan (nodes, uids, partitioners, chaining, parallelism)
    /// and the settings it runs with. Equal graphs built on two nodes hash equally.
    /// </summary>
    public static string OfGraph(JobGraph graph) => Hash(ExecutionPlan.ToJson(graph) + "\n" + graph.Settings);

    /// <summary>A hash of the module versions (MVIDs) of <paramref name="assemblies"/> and of ActorStream's API.</summary>
    public static string OfBuild(IEnumerable<Assembly> assemblies) =>
        Hash(string.Join("\n", assemblies.Append(typeof(JobSpec).Assembly).Distinct()
            .Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId:N}").Order(StringComparer.Ordinal)));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

using ActorStream.Actors.Cluster;
using ActorStream.Graph;

namespace ActorStream.Hosting;

/// <summary>Jobs on the cluster this application is a member of: submit catalog jobs by name, find any job by id.</summary>
public interface IActorStreamJobs
{
    /// <summary>
    /// Submits the catalog job <paramref name="jobName"/> (see <see cref="ActorStreamOptions.Catalog"/>): every member
    /// rebuilds its graph, so its subtasks run on the slots of the whole cluster. Returns once it holds its slots.
    /// </summary>
    Task<IJobClient> SubmitAsync(string jobName, IReadOnlyDictionary<string, string>? arguments = null, CancellationToken cancellationToken = default);

    /// <summary>A client for the job <paramref name="jobId"/>, wherever its job master runs.</summary>
    Task<IJobClient> JobAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>The cluster's jobs, running and ended.</summary>
    Task<IReadOnlyList<JobSummary>> ListAsync(CancellationToken cancellationToken = default);
}

using ActorStream.Actors.JobMaster;
using ActorStream.Graph;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// A request to a node's job gateway (<c>/user/actorstream-gateway</c>), the entry point of clients
/// that are not cluster members (the CLI): they submit and control jobs through any node.
/// </summary>
public interface IJobGatewayRequest;

/// <summary>Submits a job by spec; answers <see cref="JobAccepted"/> (with the new job id) or <see cref="JobRejected"/>.</summary>
public sealed record SubmitJobSpec(JobSpec Spec) : IJobGatewayRequest;

/// <summary>Sends <paramref name="Command"/> to the job master of <paramref name="JobId"/>, which answers the client.</summary>
public sealed record ToJob(string JobId, IJobMasterMessage Command) : IJobGatewayRequest;

/// <summary>Asks for every job; answers <see cref="JobList"/>.</summary>
public sealed record ListJobs : IJobGatewayRequest
{
    /// <summary>The single instance.</summary>
    public static readonly ListJobs Instance = new();
}

/// <summary>Every job the cluster knows, newest first.</summary>
public sealed record JobList(IReadOnlyList<JobSummary> Jobs) : IJobGatewayRequest;

/// <summary>
/// One job as <c>actorstream list</c> shows it: id, name, status, parallelism (slots held), the node of
/// its job master ("host:port"), completed checkpoints, restarts and when it was submitted (Unix ms).
/// </summary>
public sealed record JobSummary(string Id, string Name, JobStatus Status, int Parallelism, string JobMasterNode,
    int Checkpoints, int Restarts, long SubmittedAt);

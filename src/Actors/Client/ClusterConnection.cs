using ActorStream.Actors.Cluster;
using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Configuration;

namespace ActorStream.Actors.Client;

/// <summary>
/// A client's connection to a running cluster (the CLI's <c>--cluster host:port,...</c>): a small
/// actor system that is not a cluster member (it never hosts subtasks) and talks to a node's job
/// gateway, the first contact point that answers. Jobs do not depend on the client: it may exit.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);
    private readonly ActorSystem _system;
    private readonly bool _ownsSystem = true;
    private readonly IReadOnlyList<string> _contactPoints;
    private IActorRef _gateway;

    private ClusterConnection(ActorSystem system, IReadOnlyList<string> contactPoints, IActorRef gateway, string node, bool ownsSystem = true)
    {
        _system = system;
        _ownsSystem = ownsSystem;
        _contactPoints = contactPoints;
        _gateway = gateway;
        Node = node;
    }

    /// <summary>The node ("host:port") whose gateway this connection uses.</summary>
    public string Node { get; private set; }

    /// <summary>
    /// Connects to the first of <paramref name="contactPoints"/> ("host:port" or full Akka addresses)
    /// that answers; throws <see cref="InvalidOperationException"/> naming them all when none does.
    /// </summary>
    public static async Task<ClusterConnection> ConnectAsync(IReadOnlyList<string> contactPoints, Config? config = null,
        CancellationToken cancellationToken = default)
    {
        if (contactPoints.Count == 0)
            throw new ArgumentException("Give at least one contact point (host:port).", nameof(contactPoints));
        var system = ActorSystem.Create("actorstream-client", (config ?? Config.Empty).WithFallback(ClientConfig));
        try
        {
            var (gateway, node) = await FindGatewayAsync(system, contactPoints, cancellationToken).ConfigureAwait(false);
            return new ClusterConnection(system, contactPoints, gateway, node);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A connection through <paramref name="node"/>'s own gateway, inside its process (a REST server on the node):
    /// no client system, nothing to find; disposing it leaves the node alone.
    /// </summary>
    public static ClusterConnection Local(Node.ActorStreamNode node) =>
        new(node.System, [node.Address], node.JobGateway, node.Address, ownsSystem: false);

    /// <summary>Submits <paramref name="spec"/>; returns the job id once the job holds its slots, or throws with the reason it cannot run.</summary>
    public async Task<string> SubmitAsync(JobSpec spec, CancellationToken cancellationToken = default)
    {
        var answer = await AskAsync<IJobMasterMessage>(new SubmitJobSpec(spec), cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            JobAccepted accepted => accepted.JobId,
            JobRejected rejected => throw new JobSubmissionException(rejected.Reason),
            _ => throw new InvalidOperationException($"Unexpected answer to a submission: {answer.GetType().Name}."),
        };
    }

    /// <summary>Every job the cluster knows, newest first.</summary>
    public async Task<IReadOnlyList<JobSummary>> ListJobsAsync(CancellationToken cancellationToken = default) =>
        (await AskAsync<JobList>(ListJobs.Instance, cancellationToken).ConfigureAwait(false)).Jobs;

    /// <summary>Every node with its slots.</summary>
    public async Task<IReadOnlyList<NodeInfo>> ListNodesAsync(CancellationToken cancellationToken = default) =>
        (await AskAsync<ClusterNodes>(GetClusterNodes.Instance, cancellationToken).ConfigureAwait(false)).Nodes;

    /// <summary>The progress of job <paramref name="jobId"/> with its vertices, subtasks, their nodes and latest metrics.</summary>
    public Task<JobDetails> JobDetailsAsync(string jobId, CancellationToken cancellationToken = default) =>
        AskJobAsync<JobDetails>(jobId, GetJobDetails.Instance, null, cancellationToken);

    /// <summary>A client for the job <paramref name="jobId"/>, which follows it by polling its progress.</summary>
    public IJobClient Job(string jobId, string jobName = "") => new ClusterJobClient(this, jobId, jobName);

    /// <summary>Sends <paramref name="command"/> to the job master of <paramref name="jobId"/> and returns its answer.</summary>
    internal async Task<T> AskJobAsync<T>(string jobId, IJobMasterMessage command, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var answer = await AskAsync<object>(new ToJob(jobId, command), cancellationToken, timeout).ConfigureAwait(false);
        return answer switch
        {
            T typed => typed,
            UnknownJob => throw new JobSubmissionException($"No job with id {jobId} is known to the cluster (or it ended a while ago)."),
            Status.Failure failure => throw failure.Cause,
            _ => throw new InvalidOperationException($"Unexpected answer from job {jobId}: {answer.GetType().Name}."),
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsSystem)
            await _system.Terminate().ConfigureAwait(false);
    }

    /// <summary>Asks the gateway; when it does not answer, finds another contact point once and asks again.</summary>
    private async Task<T> AskAsync<T>(object request, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        try
        {
            return await _gateway.Ask<T>(request, timeout ?? AskTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            (_gateway, var node) = await FindGatewayAsync(_system, _contactPoints, cancellationToken).ConfigureAwait(false);
            Node = node;
            return await _gateway.Ask<T>(request, timeout ?? AskTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(IActorRef Gateway, string Node)> FindGatewayAsync(ActorSystem system, IReadOnlyList<string> contactPoints,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var contact in contactPoints)
        {
            var address = ContactPoints.ToAddress(contact);
            try
            {
                var gateway = await system.ActorSelection(ContactPoints.GatewayPath(contact))
                    .ResolveOne(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                return (gateway, NodeSlots.HostPort(address));
            }
            catch (ActorNotFoundException)
            {
                problems.Add($"{contact}: no ActorStream node answers there");
            }
        }
        throw new InvalidOperationException($"Cannot reach the cluster: {string.Join("; ", problems)}. " +
            "Check --cluster (host:port of a running `actorstream node`) and that the node is up.");
    }

    private static readonly Config ClientConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = ERROR
          stdout-loglevel = ERROR
          actor.provider = remote
          remote.dot-netty.tcp {
            hostname = "127.0.0.1"
            port = 0
          }
        }
        """).WithFallback(Serialization.RuntimeSerializer.Bindings);
}

/// <summary>A job could not be submitted or found: the message says why.</summary>
public sealed class JobSubmissionException(string message) : Exception(message);

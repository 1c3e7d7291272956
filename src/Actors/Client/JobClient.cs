using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Client;

/// <summary>A handle on a job running on a node, talking to its job master entity.</summary>
internal sealed class JobClient(string jobId, IActorRef jobMasters, Task<JobExecutionResult> completion) : IJobClient
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public string JobId => jobId;

    public Task<JobExecutionResult> Completion => completion;

    public Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default) =>
        jobMasters.Ask<JobProgress>(new ShardingEnvelope(jobId, GetJobProgress.Instance), AskTimeout, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) =>
        jobMasters.Ask<Akka.Done>(new ShardingEnvelope(jobId, StopJob.Instance), AskTimeout, cancellationToken);

    public Task CancelAsync(CancellationToken cancellationToken = default) =>
        jobMasters.Ask<Akka.Done>(new ShardingEnvelope(jobId, CancelJob.Instance), AskTimeout, cancellationToken);
}

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

    public Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default) => SavepointAsync(stopAfter: false, cancellationToken);

    public Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default) => SavepointAsync(stopAfter: true, cancellationToken);

    private async Task<string> SavepointAsync(bool stopAfter, CancellationToken cancellationToken)
    {
        // A savepoint writes every key group: it may take long; the job's checkpoint timeout bounds it.
        var taken = await jobMasters.Ask<SavepointTaken>(new ShardingEnvelope(jobId, new TriggerSavepoint(stopAfter)),
            Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return taken.Pointer;
    }
}

using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Client;

/// <summary>
/// A job on a cluster, followed from outside it: its completion is found by polling the job's
/// progress, so it survives the loss of the node that hosts the job master while the job recovers.
/// </summary>
internal sealed class ClusterJobClient : IJobClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly ClusterConnection _connection;
    private readonly Lazy<Task<JobExecutionResult>> _completion;
    private readonly string _jobName;

    public ClusterJobClient(ClusterConnection connection, string jobId, string jobName)
    {
        _jobName = jobName;
        _connection = connection;
        JobId = jobId;
        _completion = new Lazy<Task<JobExecutionResult>>(FollowAsync);
    }

    public string JobId { get; }

    public Task<JobExecutionResult> Completion => _completion.Value;

    public Task<JobProgress> GetProgressAsync(CancellationToken cancellationToken = default) =>
        _connection.AskJobAsync<JobProgress>(JobId, GetJobProgress.Instance, null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) =>
        _connection.AskJobAsync<Akka.Done>(JobId, StopJob.Instance, null, cancellationToken);

    public Task CancelAsync(CancellationToken cancellationToken = default) =>
        _connection.AskJobAsync<Akka.Done>(JobId, CancelJob.Instance, null, cancellationToken);

    public Task<string> TriggerSavepointAsync(CancellationToken cancellationToken = default) => SavepointAsync(false, cancellationToken);

    public Task<string> StopWithSavepointAsync(CancellationToken cancellationToken = default) => SavepointAsync(true, cancellationToken);

    private async Task<string> SavepointAsync(bool stopAfter, CancellationToken cancellationToken) =>
        (await _connection.AskJobAsync<SavepointTaken>(JobId, new TriggerSavepoint(stopAfter), TimeSpan.FromMinutes(10), cancellationToken)
            .ConfigureAwait(false)).Pointer;

    /// <summary>Polls until the job is FINISHED, CANCELED or FAILED; a job master that does not answer (failing over) is asked again.</summary>
    private async Task<JobExecutionResult> FollowAsync()
    {
        while (true)
        {
            JobProgress progress;
            try
            {
                progress = await GetProgressAsync().ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                continue;
            }
            switch (progress.Status)
            {
                case JobStatus.Finished:
                    return new JobExecutionResult(JobId, _jobName, progress.Elapsed, progress.Counters)
                    {
                        CompletedCheckpoints = progress.CompletedCheckpoints,
                        Restarts = progress.Restarts,
                        LatestCheckpoint = progress.LatestCheckpoint,
                    };
                case JobStatus.Cancelled:
                    throw new OperationCanceledException(progress.Failure ?? $"Job {JobId} was cancelled.");
                case JobStatus.Failed:
                    throw new JobExecutionException(JobId, progress.Failure ?? $"Job {JobId} failed.", null, null, null);
            }
            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }
}

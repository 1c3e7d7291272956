using Akka.Actor;
using Akka.DistributedData;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// Every job the cluster ran, replicated on all nodes (Akka Distributed Data): job masters publish
/// their <see cref="JobSummary"/> when the status, checkpoints or restarts change, and
/// <c>actorstream list</c> reads it through any node. Writes and reads go to a majority of nodes, so
/// a read sees the latest write even when it is made through another node.
/// </summary>
public sealed class JobDirectory(ActorSystem system)
{
    private static readonly LWWDictionaryKey<string, JobSummary> Key = new("actorstream-jobs");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly IActorRef _replicator = DistributedData.Get(system).Replicator;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(system);

    /// <summary>Publishes <paramref name="summary"/>, replacing the job's earlier one.</summary>
    public void Publish(JobSummary summary) =>
        _replicator.Tell(Dsl.Update(Key, LWWDictionary<string, JobSummary>.Empty, new WriteMajority(Timeout),
            jobs => jobs.SetItem(_cluster, summary.Id, summary)));

    /// <summary>Every job, newest first; a majority read, or this node's replica when no majority answers in time.</summary>
    public async Task<IReadOnlyList<JobSummary>> ReadAsync()
    {
        var response = await _replicator.Ask<IGetResponse>(Dsl.Get(Key, new ReadMajority(Timeout)), Timeout + TimeSpan.FromSeconds(1))
            .ConfigureAwait(false);
        if (response is GetFailure)
            response = await _replicator.Ask<IGetResponse>(Dsl.Get(Key, ReadLocal.Instance), Timeout).ConfigureAwait(false);
        return response is GetSuccess success
            ? success.Get(Key).Entries.Values.OrderByDescending(j => j.SubmittedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList()
            : [];
    }
}

using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// Places job masters on the oldest node, which already hosts the cluster's singletons (the shard
/// coordinators and the slot manager). Work on the lost node comes back only after the split brain
/// resolver's removal margin when that node is the oldest one anyway; keeping the job masters there
/// too means the loss of any other node restarts its jobs within seconds (no job master to re-home).
/// It never rebalances: moving a job master would restart its job.
/// </summary>
internal sealed class OldestNodeAllocationStrategy : IShardAllocationStrategy, IActorSystemDependentAllocationStrategy
{
    private Akka.Cluster.Cluster? _cluster;

    public void Start(ActorSystem system) => _cluster = Akka.Cluster.Cluster.Get(system);

    public Task<IActorRef> AllocateShard(IActorRef requester, string shardId,
        IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations)
    {
        var self = _cluster!.SelfAddress;
        var state = _cluster.State;
        var oldest = state.Members
            .Where(m => m.Status == MemberStatus.Up && !state.Unreachable.Contains(m))
            .OrderBy(m => m, Member.AgeOrdering)
            .Select(m => NodeSlots.HostPort(m.Address))
            .FirstOrDefault();
        var region = currentShardAllocations.Keys.FirstOrDefault(r => NodeSlots.NodeOf(r, self) == oldest)
            ?? currentShardAllocations.OrderBy(r => r.Value.Count).ThenBy(r => NodeSlots.NodeOf(r.Key, self), StringComparer.Ordinal).First().Key;
        return Task.FromResult(region);
    }

    public Task<IImmutableSet<string>> Rebalance(IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations,
        IImmutableSet<string> rebalanceInProgress) => Task.FromResult<IImmutableSet<string>>(ImmutableHashSet<string>.Empty);
}

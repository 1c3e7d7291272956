using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// Places subtask shards (one per slot, see <see cref="SubtaskShards"/>) on the node the slot manager
/// gave that slot to. It never rebalances: a running subtask is never moved because a node joined.
/// A shard whose slot no job holds (a stale attempt) goes to the region with the fewest shards.
/// </summary>
internal sealed class SlotAllocationStrategy(Func<IActorRef> slotManager, TimeSpan askTimeout) : IShardAllocationStrategy, IActorSystemDependentAllocationStrategy
{
    private Address _selfAddress = Address.AllSystems;
    private ILoggingAdapter _log = Akka.Event.NoLogger.Instance;

    public void Start(ActorSystem system)
    {
        _selfAddress = Akka.Cluster.Cluster.Get(system).SelfAddress;
        _log = Logging.GetLogger(system, typeof(SlotAllocationStrategy));
    }

    public async Task<IActorRef> AllocateShard(IActorRef requester, string shardId,
        IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations)
    {
        if (SubtaskShards.Parse(shardId) is { } slot)
        {
            try
            {
                var location = await slotManager().Ask<SlotLocation>(new GetSlotLocation(slot.JobId, slot.Attempt, slot.Slot), askTimeout)
                    .ConfigureAwait(false);
                if (location.Node is { } node && currentShardAllocations.Keys.FirstOrDefault(r => NodeOf(r) == node) is { } region)
                    return region;
                _log.Warning("Slot {0} of job {1} attempt {2} is on {3}, which has no shard region; placing its shard by load",
                    slot.Slot, slot.JobId, slot.Attempt, location.Node ?? "no node");
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                _log.Warning("The slot manager did not answer where shard {0} goes: {1}", shardId, e.Message);
            }
        }
        return currentShardAllocations.OrderBy(r => r.Value.Count).ThenBy(r => NodeOf(r.Key), StringComparer.Ordinal).First().Key;
    }

    public Task<IImmutableSet<string>> Rebalance(IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations,
        IImmutableSet<string> rebalanceInProgress) => Task.FromResult<IImmutableSet<string>>(ImmutableHashSet<string>.Empty);

    /// <summary>The node of a region; the coordinator's own region has a local path without host and port.</summary>
    private string NodeOf(IActorRef region) => NodeSlots.NodeOf(region, _selfAddress);
}

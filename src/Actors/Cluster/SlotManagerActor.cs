using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// Knows every node's slots (from its member role) and which job attempt holds which slot: the
/// cluster's resource manager, run as a cluster singleton. Job masters ask it for slots before they
/// deploy; the subtask shard allocation strategy asks it where each slot's shard goes.
/// </summary>
internal sealed class SlotManagerActor : ReceiveActor
{
    private readonly SlotTable _table = new();
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public SlotManagerActor()
    {
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Members)
                Update(member, state.Unreachable.Contains(member));
        });
        Receive<ClusterEvent.MemberRemoved>(removed => _table.RemoveNode(NodeSlots.HostPort(removed.Member.Address)));
        Receive<ClusterEvent.IMemberEvent>(e => Update(e.Member, _cluster.State.Unreachable.Contains(e.Member)));
        Receive<ClusterEvent.UnreachableMember>(e => Update(e.Member, unreachable: true));
        Receive<ClusterEvent.ReachableMember>(e => Update(e.Member, unreachable: false));
        Receive<RequestSlots>(request =>
        {
            var allocation = _table.Allocate(request.JobId, request.Attempt, request.Count);
            if (allocation.Nodes is { } nodes)
            {
                _log.Info("Job {0} attempt {1}: {2} slots on {3}", request.JobId, request.Attempt, request.Count, string.Join(", ", nodes.Distinct()));
                Sender.Tell(new SlotsGranted(request.JobId, request.Attempt, nodes));
            }
            else
            {
                Sender.Tell(new SlotsUnavailable(request.JobId, request.Attempt, allocation.Needed, allocation.Free));
            }
        });
        Receive<HoldSlots>(hold => _table.Hold(hold.JobId, hold.Attempt, hold.Nodes));
        Receive<ReleaseSlots>(release => _table.Release(release.JobId));
        Receive<GetSlotLocation>(get => Sender.Tell(new SlotLocation(_table.LocationOf(get.JobId, get.Attempt, get.Slot))));
        Receive<GetClusterNodes>(_ => Sender.Tell(new ClusterNodes(_table.Nodes())));
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new SlotManagerActor());

    protected override void PreStart() => _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
        typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Update(Member member, bool unreachable)
    {
        if (NodeSlots.Of(member) is not { } slots)
            return;
        var node = NodeSlots.HostPort(member.Address);
        if (member.Status == MemberStatus.Removed)
        {
            _table.RemoveNode(node);
            return;
        }
        var usable = !unreachable && member.Status is MemberStatus.Up or MemberStatus.WeaklyUp;
        var status = unreachable ? "Unreachable" : member.Status.ToString();
        _table.SetNode(node, slots, status, usable);
    }
}

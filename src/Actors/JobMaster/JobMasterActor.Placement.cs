using ActorStream.Actors.Cluster;
using ActorStream.Actors.Subtasks;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// The job master's place in the cluster: the slots each attempt holds, death watch on its subtasks
/// (a stopped subtask or an unreachable node fails the attempt at once, not at a timeout), and the
/// job's entry in the cluster's job directory.
/// </summary>
public sealed partial class JobMasterActor
{
    private IActorRef _submitter = ActorRefs.Nobody;
    private bool _accepted;
    private long _submittedAt;
    private IReadOnlyList<string> _placement = [];

    /// <summary>Slot sharing: slot i of a group runs subtask i of each of its vertices, so a job needs its groups' widest vertices summed.</summary>
    private int SlotsNeeded => _graph.SlotSharing.SlotCount;

    /// <inheritdoc />
    protected override void PreStart()
    {
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self,
            ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));
        if (Durable)
            LoadRecord();
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        _services.Metrics?.Remove(_jobId);
    }

    /// <summary>
    /// Asks the slot manager for the attempt's slots, again every few seconds until it answers: a request
    /// sent while the singleton moves (its node was lost) goes to the old one and is gone.
    /// </summary>
    private void RequestSlots()
    {
        var request = new RequestSlots(_jobId, _attempt, SlotsNeeded);
        _services.SlotManager.Tell(request);
        Timers.StartPeriodicTimer("request-slots", request, SlotRequestRetryInterval);
        Become(AwaitingSlots);
    }

    private static readonly TimeSpan SlotRequestRetryInterval = TimeSpan.FromSeconds(2);

    private void AwaitingSlots()
    {
        Receive<RequestSlots>(request => _services.SlotManager.Tell(request));
        Receive<SlotsGranted>(granted =>
        {
            if (granted.JobId != _jobId || granted.Attempt != _attempt)
                return;
            Timers.Cancel("request-slots");
            _placement = granted.Nodes;
            Timers.StartPeriodicTimer("hold-slots", HoldSlotsTick.Instance, HoldSlotsInterval);
            if (!_accepted)
            {
                _accepted = true;
                _submitter.Tell(new JobAccepted(_jobId));
            }
            Publish();
            DeploySubtasks();
        });
        Receive<SlotsUnavailable>(unavailable =>
        {
            if (unavailable.JobId != _jobId || unavailable.Attempt != _attempt)
                return;
            Timers.Cancel("request-slots");
            var shortage = new InsufficientSlotsException(
                $"the job needs {unavailable.Needed} slots, the cluster has {unavailable.Free} free " +
                "(add nodes or --slots, lower --parallelism, or wait for running jobs to end)");
            if (_accepted)
            {
                HandleFailure(null, null, shortage); // a restart waits for slots within its restart strategy
                return;
            }
            FailJob(null, null, shortage);
        });
        Receive<SchedulingTimedOut>(_ => HandleFailure(null, null,
            new TimeoutException($"The slot manager did not answer within {_services.SchedulingTimeout.TotalSeconds:0} s.")));
        ReceiveBeforeRunning();
        ReceiveCheckpointStored();
        ReceiveProgress();
    }

    private void Reject(string reason)
    {
        if (!_accepted)
            _submitter.Tell(new JobRejected(_jobId, reason));
        _accepted = true; // answered once
    }

    private void ReleaseSlots()
    {
        Timers.Cancel("hold-slots");
        if (_graph is not null)
            _services.SlotManager.Tell(new ReleaseSlots(_jobId));
    }

    /// <summary>How often a job master reminds the slot manager of its slots (a new singleton starts with an empty table).</summary>
    private static readonly TimeSpan HoldSlotsInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Handled through <see cref="Unhandled"/>, so every behaviour without a catch-all sends the reminder;
    /// a draining or ended job skips it (its next attempt asks anew, or it releases its slots).
    /// </summary>
    private bool RemindSlots(object message)
    {
        if (message is not HoldSlotsTick)
            return false;
        if (_placement.Count > 0)
            _services.SlotManager.Tell(new HoldSlots(_jobId, _attempt, _placement));
        return true;
    }

    private sealed record HoldSlotsTick
    {
        public static readonly HoldSlotsTick Instance = new();
    }

    /// <summary>A subtask of this attempt stopped, or its node became unreachable: the attempt fails now.</summary>
    private void ReceiveSubtaskLoss()
    {
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_store))
            {
                OnStoreLost();
                return;
            }
            if (_subtasks.Locate(terminated.ActorRef) is not { } lost)
                return;
            var vertex = _graph.Vertex(lost.Vertex);
            HandleFailure(vertex.Name, (lost.Index, vertex.Parallelism), new SubtaskLostException(
                $"the subtask stopped unexpectedly on {NodeOf(terminated.ActorRef)} (its node left, failed or handed it off)"));
        });
        Receive<ClusterEvent.UnreachableMember>(unreachable =>
        {
            var lost = MarkUnreachable(unreachable.Member);
            if (lost > 0)
                HandleFailure(null, null, new SubtaskLostException(
                    $"node {NodeSlots.HostPort(unreachable.Member.Address)} is unreachable; it ran {lost} subtask(s) of this job"));
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            var lost = MarkUnreachable(removed.Member);
            if (lost > 0)
                HandleFailure(null, null, new SubtaskLostException(
                    $"node {NodeSlots.HostPort(removed.Member.Address)} left the cluster; it ran {lost} subtask(s) of this job"));
        });
        ReceiveStaleRegistration();
    }

    /// <summary>Subtasks on an unreachable or removed node cannot confirm their cancellation: they count as stopped. Returns how many there were.</summary>
    private int MarkUnreachable(Member member)
    {
        var lost = _subtasks?.On(member.Address).ToList() ?? [];
        foreach (var subtask in lost)
            _subtasks!.Stopped(subtask);
        return lost.Count;
    }

    /// <summary>A subtask of an attempt already replaced registered late: let it go.</summary>
    private void ReceiveStaleRegistration() => Receive<SubtaskRegistered>(stale => stale.Subtask.Tell(ReleaseSubtask.Instance));

    private string NodeOf(IActorRef actor) => NodeSlots.NodeOf(actor, Akka.Cluster.Cluster.Get(Context.System).SelfAddress);

    /// <summary>Publishes the job's current summary to the cluster's job directory.</summary>
    /// <summary>Tells the job directory (and this node's metrics) where the job stands: on every change of status, checkpoint or restart.</summary>
    private void Publish()
    {
        _services.Directory?.Publish(new JobSummary(_jobId, _spec.JobName, _status,
            _graph is null ? 0 : SlotsNeeded, NodeOf(Self), _completedCheckpoints, _restarts?.Restarts ?? 0, _submittedAt));
        if (_graph is not null)
            _services.Metrics?.Report(_jobId, _graph.JobName, Progress());
    }
}

/// <summary>The cluster lacks the free slots a job needs.</summary>
public sealed class InsufficientSlotsException(string message) : Exception(message);

/// <summary>A subtask of a running attempt vanished: it stopped, or its node left or became unreachable.</summary>
public sealed class SubtaskLostException(string message) : Exception(message);

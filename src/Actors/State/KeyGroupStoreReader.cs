using Akka.Actor;
using Akka.Event;

namespace ActorStream.Actors.State;

/// <summary>
/// Reads the state of key groups as of a completed checkpoint straight from the state store (the
/// journal and snapshot store the key-group entities persist to), not through the entities. A
/// restore then never waits for the entities of a lost node to be re-homed (the split brain
/// resolver's stable-after plus the removal margin), and no state crosses the network between
/// nodes. It is safe because an entity confirms a write only once it is durable, and a checkpoint
/// completes only after every write was confirmed: the store holds all that "as of N" can return.
/// A few key groups are read at a time; a read that fails (the store is down) is tried again.
/// </summary>
public sealed class KeyGroupStoreReader : ReceiveActor, IWithTimers
{
    private const int Concurrency = 8;
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<string> _waiting;
    private readonly List<string> _failed = [];
    private readonly long _asOf;
    private readonly IActorRef _replyTo;
    private int _running;
    private int _remaining;

    /// <summary>Reads <paramref name="entityIds"/> as of checkpoint <paramref name="asOf"/> and tells each answer to <paramref name="replyTo"/>.</summary>
    public KeyGroupStoreReader(IReadOnlyCollection<string> entityIds, long asOf, IActorRef replyTo)
    {
        _waiting = new Queue<string>(entityIds);
        _remaining = entityIds.Count;
        _asOf = asOf;
        _replyTo = replyTo;
        Receive<KeyGroupStateRead>(read =>
        {
            _running--;
            _replyTo.Tell(read);
            if (--_remaining == 0)
                Context.Stop(Self);
            else
                StartReads();
        });
        Receive<KeyGroupReplay.Failed>(failed =>
        {
            _running--;
            _log.Warning("Reading key group {0} from the state store failed ({1}); trying again in {2} s",
                failed.EntityId, failed.Reason, RetryInterval.TotalSeconds);
            _failed.Add(failed.EntityId);
            Timers.StartSingleTimer("retry", Retry.Instance, RetryInterval);
            StartReads();
        });
        Receive<Retry>(_ =>
        {
            _failed.ForEach(_waiting.Enqueue);
            _failed.Clear();
            StartReads();
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a reader of <paramref name="entityIds"/> as of <paramref name="asOf"/>.</summary>
    public static Props Props(IReadOnlyCollection<string> entityIds, long asOf, IActorRef replyTo) =>
        Akka.Actor.Props.Create(() => new KeyGroupStoreReader(entityIds, asOf, replyTo));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_remaining == 0)
            Context.Stop(Self);
        StartReads();
    }

    private void StartReads()
    {
        while (_running < Concurrency && _waiting.TryDequeue(out var entityId))
        {
            _running++;
            Context.ActorOf(KeyGroupReplay.Props(entityId, _asOf));
        }
    }

    private sealed record Retry : INoSerializationVerificationNeeded
    {
        public static readonly Retry Instance = new();
    }
}

using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorStream.Actors.Tests.Persistence;

/// <summary>A persistent actor whose events and snapshots are byte arrays; it reports what it recovered and stored to one probe.</summary>
internal sealed class ByteEventsActor : ReceivePersistentActor
{
    private readonly List<byte[]> _recoveredEvents = [];
    private readonly IActorRef _reportTo;
    private SnapshotOffer? _offer;

    public ByteEventsActor(string persistenceId, IActorRef reportTo)
    {
        PersistenceId = persistenceId;
        JournalPluginId = ActorStream.Actors.Persistence.StateStoreConfig.JournalPluginId;
        SnapshotPluginId = ActorStream.Actors.Persistence.StateStoreConfig.SnapshotStorePluginId;
        _reportTo = reportTo;
        Recover<SnapshotOffer>(offer => _offer = offer);
        Recover<byte[]>(_recoveredEvents.Add);
        Recover<RecoveryCompleted>(_ => reportTo.Tell(new Recovered(
            PersistenceId, _offer?.Metadata.SequenceNr, (byte[]?)_offer?.Snapshot, _recoveredEvents.ToList(), LastSequenceNr)));

        Command<Append>(append =>
        {
            PersistAll(append.Events.Select(e => append.Tag is null ? e : (object)new Tagged(e, [append.Tag])), _ => { });
            DeferAsync(append, _ => reportTo.Tell(new Appended(PersistenceId, LastSequenceNr)));
        });
        Command<TakeSnapshot>(take => SaveSnapshot(take.State));
        Command<SaveSnapshotSuccess>(saved => reportTo.Tell(new SnapshotTaken(PersistenceId, saved.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(failed => reportTo.Tell(new Status.Failure(failed.Cause)));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef reportTo) =>
        Akka.Actor.Props.Create(() => new ByteEventsActor(persistenceId, reportTo));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reportTo.Tell(new Status.Failure(cause));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _reportTo.Tell(new Status.Failure(reason));
        base.OnRecoveryFailure(reason, message);
    }

    /// <summary>Persists the events in one atomic write, tagged if a tag is given.</summary>
    public sealed record Append(IReadOnlyList<byte[]> Events, string? Tag = null);

    /// <summary>The events of an <see cref="Append"/> are stored.</summary>
    public sealed record Appended(string PersistenceId, long LastSequenceNr);

    /// <summary>Saves a snapshot at the current sequence number.</summary>
    public sealed record TakeSnapshot(byte[] State);

    /// <summary>A snapshot is stored.</summary>
    public sealed record SnapshotTaken(string PersistenceId, long SequenceNr);

    /// <summary>What recovery replayed: the offered snapshot, if any, and the events after it, in order.</summary>
    public sealed record Recovered(string PersistenceId, long? SnapshotSequenceNr, byte[]? SnapshotState, IReadOnlyList<byte[]> Events, long LastSequenceNr);
}

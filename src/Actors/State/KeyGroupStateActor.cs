using Akka.Actor;
using Akka.Cluster.Sharding;
using ActorStream.Actors.Persistence;
using Akka.Persistence;

namespace ActorStream.Actors.State;

/// <summary>
/// The durable state of one key group of one operator (a persistent Cluster Sharding entity).
/// Subtasks write a blob per checkpoint for the key groups that changed, whole or as a delta onto their previous
/// write; a restore reads the state "as of" a completed checkpoint from the store directly
/// (<see cref="KeyGroupStoreReader"/>). The journal is compacted into a snapshot every so often.
/// </summary>
public sealed class KeyGroupStateActor : CompactingPersistentActor
{
    private readonly KeyGroupHistory _history = new();
    private (IActorRef Writer, long CheckpointId)? _writing;

    /// <summary>Creates the entity <paramref name="entityId"/>.</summary>
    public KeyGroupStateActor(string entityId, int snapshotEvery, TimeSpan idleTimeout) : base(snapshotEvery)
    {
        PersistenceId = entityId;
        Context.SetReceiveTimeout(idleTimeout);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is KeyGroupHistorySnapshot snapshot)
                _history.Reset(snapshot.Entries);
        });
        Recover<KeyGroupStateStored>(_history.Add);

        var assembly = new KeyGroupWriteAssembly();
        Command<WriteKeyGroupState>(Write);
        Command<WriteKeyGroupStatePart>(part =>
        {
            if (assembly.Add(part) is { } write)
                Write(write);
        });
        Command<WarmUpKeyGroupState>(_ => { }); // recovered by now: that was the point
        ReceiveCompaction();
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
    }

    private void Write(WriteKeyGroupState write)
    {
        var replyTo = Sender;
        if (write.BasedOn != 0 && _history.Before(write.CheckpointId)?.CheckpointId is var latest && latest != write.BasedOn)
        {
            // The write it is based on never became durable (lost on the way, or failed): applying it would lose changes.
            replyTo.Tell(new KeyGroupStateWriteFailed(PersistenceId, write.CheckpointId,
                $"the delta is based on checkpoint {write.BasedOn}, but the latest write before it is {latest?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"));
            return;
        }
        _writing = (replyTo, write.CheckpointId); // Persist stashes further commands: one write in flight at a time
        Persist(new KeyGroupStateStored(write.CheckpointId, write.Data, write.Retained, write.LatestCompleted, write.BasedOn), stored =>
        {
            _writing = null;
            _history.Add(stored);
            replyTo.Tell(new KeyGroupStateWritten(PersistenceId, stored.CheckpointId));
            Persisted();
        });
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>Props for the entity <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, int snapshotEvery, TimeSpan idleTimeout) =>
        Akka.Actor.Props.Create(() => new KeyGroupStateActor(entityId, snapshotEvery, idleTimeout));

    /// <summary>The store failed the write: the writer learns it at once (its checkpoint fails) rather than at a timeout.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ReportWriteFailure(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <inheritdoc />
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ReportWriteFailure(cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void ReportWriteFailure(Exception cause)
    {
        if (_writing is { } writing)
            writing.Writer.Tell(new KeyGroupStateWriteFailed(PersistenceId, writing.CheckpointId, $"{cause.GetType().Name}: {cause.Message}"));
        _writing = null;
    }

    /// <inheritdoc />
    protected override object CurrentSnapshot() => new KeyGroupHistorySnapshot([.. _history.Entries]);
}

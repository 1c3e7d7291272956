using Akka.Persistence;

namespace ActorStream.Actors.Persistence;

/// <summary>
/// A persistent actor that keeps its journal short: every <c>snapshotEvery</c> events it saves a
/// snapshot of its whole state and deletes the events and older snapshots that the snapshot covers.
/// </summary>
public abstract class CompactingPersistentActor : StateStorePersistentActor
{
    private readonly int _snapshotEvery;
    private int _sinceSnapshot;

    /// <summary>Saves a snapshot every <paramref name="snapshotEvery"/> events.</summary>
    protected CompactingPersistentActor(int snapshotEvery) => _snapshotEvery = snapshotEvery;

    /// <summary>The whole state, as the snapshot to save.</summary>
    protected abstract object CurrentSnapshot();

    /// <summary>Call after each persisted event: saves a snapshot when enough events accumulated.</summary>
    protected void Persisted()
    {
        if (++_sinceSnapshot < _snapshotEvery)
            return;
        _sinceSnapshot = 0;
        SaveSnapshot(CurrentSnapshot());
    }

    /// <summary>Registers the handlers of snapshot and deletion results; call once in the constructor.</summary>
    protected void ReceiveCompaction()
    {
        Command<SaveSnapshotSuccess>(success =>
        {
            // The snapshot holds everything: older events and snapshots are no longer needed.
            DeleteMessages(success.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1));
        });
        // A failed snapshot or deletion only leaves a longer journal; the next compaction tries again.
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }
}

using Akka.Actor;
using ActorStream.Actors.Persistence;
using Akka.Persistence;

namespace ActorStream.Actors.Checkpointing;

/// <summary>
/// The completed checkpoints of one job name, durable (Flink's CompletedCheckpointStore). Keeps
/// every savepoint and the latest checkpoint; remembers the highest id so that ids only grow,
/// also across runs and after the process was killed.
/// </summary>
public sealed class CompletedCheckpointStore : CompactingPersistentActor
{
    private const int SnapshotEvery = 50;
    private readonly List<CompletedCheckpoint> _retained = [];
    private long _maxId;

    /// <summary>Creates the store of <paramref name="jobName"/>.</summary>
    public CompletedCheckpointStore(string jobName) : base(SnapshotEvery)
    {
        PersistenceId = PersistenceIdOf(jobName);
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is not CheckpointStoreSnapshot snapshot)
                return;
            _retained.Clear();
            _retained.AddRange(snapshot.Retained);
            _maxId = snapshot.MaxId;
        });
        Recover<CheckpointCompleted>(completed => Apply(completed.Checkpoint));
        Recover<CheckpointsDiscarded>(_ => Discard());

        Command<LoadCheckpoints>(_ => Sender.Tell(new CheckpointsLoaded([.. _retained], _maxId + 1)));
        Command<StoreCheckpoint>(store =>
        {
            var replyTo = Sender;
            Persist(new CheckpointCompleted(store.Checkpoint), completed =>
            {
                Apply(completed.Checkpoint);
                replyTo.Tell(new CheckpointStored(completed.Checkpoint.Id));
                Persisted();
            });
        });
        Command<DiscardCheckpoints>(_ => Persist(CheckpointsDiscarded.Instance, _ =>
        {
            Discard();
            Persisted();
        }));
        ReceiveCompaction();
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The persistence id of <paramref name="jobName"/>'s store.</summary>
    public static string PersistenceIdOf(string jobName) => $"checkpoints/{jobName}";

    /// <summary>Props for the store of <paramref name="jobName"/>.</summary>
    public static Props Props(string jobName) => Akka.Actor.Props.Create(() => new CompletedCheckpointStore(jobName));

    /// <inheritdoc />
    protected override object CurrentSnapshot() => new CheckpointStoreSnapshot([.. _retained], _maxId);

    private void Discard() => _retained.RemoveAll(c => c.Kind == CheckpointKind.Checkpoint);

    private void Apply(CompletedCheckpoint checkpoint)
    {
        _maxId = Math.Max(_maxId, checkpoint.Id);
        // A newer checkpoint subsumes older ones; savepoints stay until deleted.
        if (checkpoint.Kind == CheckpointKind.Checkpoint)
            _retained.RemoveAll(c => c.Kind == CheckpointKind.Checkpoint);
        _retained.Add(checkpoint);
        _retained.Sort((a, b) => a.Id.CompareTo(b.Id));
    }
}

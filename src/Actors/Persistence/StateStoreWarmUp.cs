using ActorStream.Actors.State;
using Akka.Actor;
using Akka.Persistence;

namespace ActorStream.Actors.Persistence;

/// <summary>
/// Takes the state store's whole path once, as a key-group entity does: recovery (snapshot load, replay, highest sequence
/// number), a persisted event, a snapshot, and the compaction's deletions. The first use of that path in a process costs
/// about a second of CPU on a small machine (JIT, the SQL plugin's query compilation, the first connections); a node
/// that expects checkpoints pays it here rather than on a job's critical path (loading its checkpoints before deploying)
/// and beside its first checkpoint. It leaves at most one deleted event row under its persistence id. Nodes that share
/// a store may warm up at once: the one whose write loses the sequence-number race just stops, warmed all the same.
/// </summary>
internal static class StateStoreWarmUp
{
    /// <summary>The persistence id, one for every node of a store.</summary>
    public const string Id = "actorstream/store-warm-up";

    /// <summary>Starts the warm-up on <paramref name="system"/>; the task completes when it stopped, whether it succeeded or not.</summary>
    public static Task Run(ActorSystem system, StateStoreSettings store) => Task.Run(async () =>
    {
        StateStoreInitializer.EnsureOnce(store);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new StateStoreWarmUpActor(done)));
        await done.Task.ConfigureAwait(false);
    });
}

/// <summary>The persistent actor of <see cref="StateStoreWarmUp"/>: stops once both deletions answered, or at its first failure.</summary>
internal sealed class StateStoreWarmUpActor : StateStorePersistentActor
{
    private readonly TaskCompletionSource _done;
    private int _deletions;

    public StateStoreWarmUpActor(TaskCompletionSource done)
    {
        _done = done;
        Recover<SnapshotOffer>(_ => { });
        Recover<KeyGroupStateStored>(_ => { });
        Recover<RecoveryCompleted>(_ => Persist(new KeyGroupStateStored(0, [], Retained: false, LatestCompleted: 0),
            _ => SaveSnapshot(new KeyGroupHistorySnapshot([]))));
        // As a key-group entity's compaction does, but the snapshot goes too: nothing of the warm-up is kept but the highest sequence number.
        Command<SaveSnapshotSuccess>(success =>
        {
            DeleteMessages(success.Metadata.SequenceNr);
            DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr));
        });
        // Both deletions answer (either way) before it stops: a system shutting down right after must not cut one off.
        Command<DeleteMessagesSuccess>(_ => Deleted());
        Command<DeleteMessagesFailure>(_ => Deleted());
        Command<DeleteSnapshotsSuccess>(_ => Deleted());
        Command<DeleteSnapshotsFailure>(_ => Deleted());
        Command<SaveSnapshotFailure>(_ => Context.Stop(Self));
    }

    /// <inheritdoc />
    public override string PersistenceId => StateStoreWarmUp.Id;

    private void Deleted()
    {
        if (++_deletions == 2)
            Context.Stop(Self);
    }

    /// <summary>A warm-up that failed is over: it is not tried again.</summary>
    protected override void PreRestart(Exception reason, object message) => Context.Stop(Self);

    /// <inheritdoc />
    protected override void PostStop()
    {
        _done.TrySetResult();
        base.PostStop();
    }
}

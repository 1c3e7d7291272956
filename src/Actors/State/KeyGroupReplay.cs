using Akka.Actor;
using Akka.Persistence;

namespace ActorStream.Actors.State;

/// <summary>
/// Replays one key-group entity's snapshot and events the way its own recovery would, and answers
/// its parent with the state as of a checkpoint. The entity may be alive and compacting meanwhile:
/// a gap between the snapshot and the first replayed event means its events were deleted under a
/// newer snapshot, and the read fails so that it is tried again.
/// </summary>
internal sealed class KeyGroupReplay : ReceiveActor
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);
    private readonly KeyGroupHistory _history = new();
    private long _next = 1;

    public KeyGroupReplay(string entityId, long asOf)
    {
        var persistence = Akka.Persistence.Persistence.Instance.Apply(Context.System);
        Context.SetReceiveTimeout(ReadTimeout);
        persistence.SnapshotStoreFor(Persistence.StateStoreConfig.SnapshotStorePluginId).Tell(new LoadSnapshot(entityId, SnapshotSelectionCriteria.Latest, long.MaxValue));

        Receive<LoadSnapshotResult>(result =>
        {
            if (result.Snapshot is { Snapshot: KeyGroupHistorySnapshot snapshot } selected)
            {
                _history.Reset(snapshot.Entries);
                _next = selected.Metadata.SequenceNr + 1;
            }
            persistence.JournalFor(Persistence.StateStoreConfig.JournalPluginId).Tell(new ReplayMessages(_next, long.MaxValue, long.MaxValue, entityId, Self));
        });
        Receive<ReplayedMessage>(replayed =>
        {
            if (replayed.Persistent.SequenceNr != _next)
            {
                Finish(new Failed(entityId, $"events {_next}..{replayed.Persistent.SequenceNr - 1} were compacted away during the read"));
                return;
            }
            _next++;
            if (replayed.Persistent.Payload is KeyGroupStateStored stored)
                _history.Add(stored);
        });
        Receive<RecoverySuccess>(_ =>
        {
            IReadOnlyList<KeyGroupEntry>? chain;
            try
            {
                chain = _history.ChainAsOf(asOf);
            }
            catch (InvalidDataException e)
            {
                Finish(new Failed(entityId, e.Message));
                return;
            }
            Finish(new KeyGroupStateRead(entityId, chain?[^1].CheckpointId, chain?.Select(e => e.Data).ToList()));
        });
        Receive<LoadSnapshotFailed>(failed => Finish(new Failed(entityId, failed.Cause.Message)));
        Receive<ReplayMessagesFailure>(failed => Finish(new Failed(entityId, failed.Cause.Message)));
        Receive<ReceiveTimeout>(_ => Finish(new Failed(entityId, $"the state store did not answer within {ReadTimeout.TotalSeconds:0} s")));
    }

    public static Props Props(string entityId, long asOf) => Akka.Actor.Props.Create(() => new KeyGroupReplay(entityId, asOf));

    private void Finish(object answer)
    {
        Context.Parent.Tell(answer);
        Context.Stop(Self);
        Become(() => ReceiveAny(_ => { })); // late replayed events of an abandoned read
    }

    /// <summary>The key group could not be read now.</summary>
    public sealed record Failed(string EntityId, string Reason) : INoSerializationVerificationNeeded;
}

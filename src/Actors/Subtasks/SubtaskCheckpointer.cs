using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.Serialization;
using ActorStream.Actors.State;
using ActorStream.Graph.Operators;
using ActorStream.Graph.Plan;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Takes a subtask's part of checkpoints: at the barrier it snapshots every operator of the chain
/// synchronously (operator state as bytes, keyed state as one blob per changed key group: whole, or the keys
/// that changed since its previous write, see <see cref="KeyGroupChains"/>), sends
/// the blobs to their key-group entities, and acknowledges once every write is durable. Processing
/// goes on meanwhile; only the snapshot itself is on the subtask's thread. Sharding delivers at most
/// once (a write to a shard whose node was just lost is dropped until the region learns its new
/// home), so unconfirmed writes of the latest checkpoint are sent again until confirmed; a write is
/// idempotent.
/// </summary>
internal sealed class SubtaskCheckpointer(
    IReadOnlyList<(StreamNode Node, IStreamOperator Operator)> operators,
    string jobName, string vertexId, int subtaskIndex, IActorRef keyGroupRegion, IActorRef self, int partBytes)
{
    private readonly Dictionary<long, PendingAck> _pending = [];
    private readonly KeyGroupChains _chains = new();

    /// <summary>The latest checkpoint this subtask knows to be complete (lets key-group entities prune).</summary>
    public long LatestCompleted { get; private set; }

    /// <summary>Snapshots the chain for <paramref name="barrier"/>; returns the acknowledgement when nothing needs to be written first.</summary>
    public AcknowledgeCheckpoint? Snapshot(CheckpointBarrier barrier)
    {
        var operatorStates = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var keyed = new List<string>();
        var writes = new Dictionary<string, WriteKeyGroupState>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var (node, op) in operators)
        {
            if (OperatorException.Guard(node.Name, () => op.SnapshotOperatorState(barrier.Id)) is { } state)
                operatorStates[node.Uid] = state;
            if (op.KeyedStateSnapshots is not { } snapshots)
                continue;
            keyed.Add(node.Uid);
            foreach (var keyGroup in snapshots.KeyGroups.KeyGroups)
            {
                // A savepoint is self-contained: it writes every key group, changed or not.
                if (!barrier.IsSavepoint && !snapshots.IsDirty(keyGroup))
                    continue;
                var entityId = KeyGroupEntityId.For(jobName, node.Uid, keyGroup);
                var (data, basedOn) = OperatorException.Guard(node.Name,
                    () => _chains.Snapshot(entityId, snapshots, keyGroup, barrier.Id, whole: barrier.IsSavepoint));
                var write = new WriteKeyGroupState(barrier.Id, data, barrier.IsSavepoint, LatestCompleted, basedOn);
                writes.Add(entityId, write);
                Send(entityId, write);
                bytes += data.Length;
            }
        }
        var ack = new AcknowledgeCheckpoint(vertexId, subtaskIndex, barrier.Id,
            new SubtaskCheckpointState(operatorStates, keyed, writes.Count, bytes));
        if (writes.Count == 0)
            return ack;
        _pending[barrier.Id] = new PendingAck(ack, writes);
        return null;
    }

    /// <summary>
    /// Starts the key-group entities of every keyed operator of the chain now, while the job deploys: each recovers from the
    /// store (queries, connections, the plugin's first use) off the first checkpoint's critical path.
    /// </summary>
    public void WarmUp()
    {
        foreach (var (node, op) in operators)
        {
            if (op.KeyedStateSnapshots is not { } snapshots)
                continue;
            foreach (var keyGroup in snapshots.KeyGroups.KeyGroups)
                keyGroupRegion.Tell(new ShardingEnvelope(KeyGroupEntityId.For(jobName, node.Uid, keyGroup), WarmUpKeyGroupState.Instance), ActorRefs.NoSender);
        }
    }

    /// <summary>A key-group write is durable; returns the acknowledgement when it was the last one of its checkpoint.</summary>
    public AcknowledgeCheckpoint? OnWritten(KeyGroupStateWritten written)
    {
        if (!_pending.TryGetValue(written.CheckpointId, out var pending)
            || !pending.Unconfirmed.Remove(written.EntityId) || pending.Unconfirmed.Count > 0)
            return null;
        _pending.Remove(written.CheckpointId);
        return pending.Ack;
    }

    /// <summary>
    /// Sends the writes of the latest pending checkpoint that stayed unconfirmed for <paramref name="after"/>
    /// again; returns how many. Only the latest: a late copy of an older write must not replace a newer
    /// checkpoint's in the entity.
    /// </summary>
    public int ResendUnconfirmed(TimeSpan after)
    {
        if (_pending.Count == 0)
            return 0;
        var latest = _pending[_pending.Keys.Max()];
        if (Environment.TickCount64 - latest.SentAt < after.TotalMilliseconds)
            return 0;
        latest.SentAt = Environment.TickCount64;
        foreach (var (entityId, write) in latest.Unconfirmed)
            Send(entityId, write);
        return latest.Unconfirmed.Count;
    }

    // A write larger than a remote message goes in parts (slices of its data, not copies): the entity may be on another node.
    private void Send(string entityId, WriteKeyGroupState write)
    {
        foreach (var message in KeyGroupWriteParts.Of(write, partBytes))
            keyGroupRegion.Tell(new ShardingEnvelope(entityId, message), self);
    }

    /// <summary>
    /// A key-group write of <paramref name="checkpointId"/> failed or was not confirmed in time: forget the
    /// checkpoint (the next one writes its unconfirmed key groups whole); false when it was no longer pending.
    /// </summary>
    public bool Fail(long checkpointId)
    {
        if (!_pending.ContainsKey(checkpointId))
            return false;
        Abort(checkpointId);
        return true;
    }

    /// <summary>The checkpoint completed: tell the operators (sinks commit).</summary>
    public void Complete(long checkpointId)
    {
        LatestCompleted = Math.Max(LatestCompleted, checkpointId);
        _pending.Remove(checkpointId);
        foreach (var (node, op) in operators)
            OperatorException.Guard(node.Name, () => op.NotifyCheckpointComplete(checkpointId));
    }

    /// <summary>
    /// The checkpoint was aborted. Its confirmed writes are durable, so later deltas may build on them; the unconfirmed
    /// ones may or may not become durable, so their key groups are written whole next time rather than trusting the
    /// dirty flags (a key group that did not change since would otherwise not be written at all).
    /// </summary>
    public void Abort(long checkpointId)
    {
        if (!_pending.Remove(checkpointId, out var pending))
            return;
        foreach (var entityId in pending.Unconfirmed.Keys)
            _chains.Unconfirmed(entityId);
    }

    /// <summary>Makes the next checkpoint a full one (after start or restore).</summary>
    public void MarkAllDirty()
    {
        _chains.Clear();
        foreach (var (_, op) in operators)
            op.KeyedStateSnapshots?.MarkAllDirty();
    }

    /// <summary>After a restore: checkpoints up to <paramref name="checkpointId"/> are complete.</summary>
    public void Restored(long checkpointId) => LatestCompleted = checkpointId;

    private sealed class PendingAck(AcknowledgeCheckpoint ack, Dictionary<string, WriteKeyGroupState> unconfirmed)
    {
        public AcknowledgeCheckpoint Ack { get; } = ack;

        public Dictionary<string, WriteKeyGroupState> Unconfirmed { get; } = unconfirmed;

        public long SentAt { get; set; } = Environment.TickCount64;
    }
}

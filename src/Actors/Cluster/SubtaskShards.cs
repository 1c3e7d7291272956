using System.Globalization;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// Routes subtask entities to shards by slot: the shard of a subtask in slot s of an attempt is
/// "job.attempt.s", so one shard is one slot (Flink's slot sharing: a slot holds a pipeline slice of
/// one slot sharing group, see <see cref="Graph.Plan.SlotSharing"/>) and the slot allocation strategy
/// places it where the slot manager put the slot.
/// Entity ids are "job.vertex.subtask.attempt.slot" (<see cref="Node.EntityIds.Subtask"/>).
/// </summary>
internal sealed class SubtaskShards : IMessageExtractor
{
    public string? EntityId(object message) => null;

    public object EntityMessage(object message) => message;

    public string ShardId(object message) =>
        throw new ArgumentException($"Cannot route {message.GetType().Name}: send it in a ShardingEnvelope.");

    public string ShardId(string entityId, object? messageHint = null)
    {
        var parts = entityId.Split('.');
        if (parts.Length != 5)
            throw new ArgumentException($"'{entityId}' is not a subtask entity id (job.vertex.subtask.attempt.slot).", nameof(entityId));
        return $"{parts[0]}.{parts[3]}.{parts[4]}";
    }

    /// <summary>The job, attempt and slot of a subtask shard id, or null for another id.</summary>
    public static (string JobId, int Attempt, int Slot)? Parse(string shardId)
    {
        var parts = shardId.Split('.');
        return parts.Length == 3
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
            ? (parts[0], attempt, slot) : null;
    }
}

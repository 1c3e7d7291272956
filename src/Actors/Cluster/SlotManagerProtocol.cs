namespace ActorStream.Actors.Cluster;

/// <summary>A message to the slot manager (a cluster singleton).</summary>
public interface ISlotManagerMessage;

/// <summary>A job master asks for the slots of an attempt (its slot sharing groups' widest vertices summed); answers <see cref="SlotsGranted"/> or <see cref="SlotsUnavailable"/>.</summary>
public sealed record RequestSlots(string JobId, int Attempt, int Count) : ISlotManagerMessage;

/// <summary>The job holds these slots: <paramref name="Nodes"/>[i] ("host:port") runs slot i.</summary>
public sealed record SlotsGranted(string JobId, int Attempt, IReadOnlyList<string> Nodes) : ISlotManagerMessage;

/// <summary>The cluster's usable nodes have <paramref name="Free"/> free slots, fewer than the <paramref name="Needed"/> asked for.</summary>
public sealed record SlotsUnavailable(string JobId, int Attempt, int Needed, int Free) : ISlotManagerMessage;

/// <summary>
/// A job master that holds slots says so now and then: a slot manager that took over (the oldest node
/// was lost, and the singleton's table with it) learns the running jobs' slots again.
/// </summary>
public sealed record HoldSlots(string JobId, int Attempt, IReadOnlyList<string> Nodes) : ISlotManagerMessage;

/// <summary>The job ended: its slots are free again.</summary>
public sealed record ReleaseSlots(string JobId) : ISlotManagerMessage;

/// <summary>The allocation strategy asks where a subtask shard (one slot of one attempt) goes; answers <see cref="SlotLocation"/>.</summary>
public sealed record GetSlotLocation(string JobId, int Attempt, int Slot) : ISlotManagerMessage;

/// <summary>The node ("host:port") of a slot, or null when no job holds it.</summary>
public sealed record SlotLocation(string? Node) : ISlotManagerMessage;

/// <summary>Asks for every node with its slots; answers <see cref="ClusterNodes"/>.</summary>
public sealed record GetClusterNodes : ISlotManagerMessage
{
    /// <summary>The single instance.</summary>
    public static readonly GetClusterNodes Instance = new();
}

/// <summary>The cluster's ActorStream nodes.</summary>
public sealed record ClusterNodes(IReadOnlyList<NodeInfo> Nodes) : ISlotManagerMessage;

/// <summary>One node: its address ("host:port"), member status, slots and free slots.</summary>
public sealed record NodeInfo(string Address, string Status, int Slots, int FreeSlots);

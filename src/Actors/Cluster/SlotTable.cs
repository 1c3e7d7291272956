using System.Diagnostics;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// The cluster's slots and who holds them (pure logic of the slot manager). A node offers a number of
/// slots; a job attempt holds the slots its slot sharing groups need (Flink's slot sharing: slot i of a
/// group runs subtask i of each of the group's vertices). Slots are spread over the usable nodes, the
/// node with the most free slots first.
/// </summary>
internal sealed class SlotTable
{
    private readonly Dictionary<string, NodeEntry> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobSlots> _jobs = new(StringComparer.Ordinal);

    /// <summary>Adds or updates a node; <paramref name="usable"/> is false while it is unreachable or leaving.</summary>
    public void SetNode(string node, int slots, string status, bool usable) => _nodes[node] = new NodeEntry(slots, status, usable);

    /// <summary>Forgets a node that left the cluster; jobs that held slots there get new ones when they restart.</summary>
    public void RemoveNode(string node) => _nodes.Remove(node);

    /// <summary>
    /// Gives attempt <paramref name="attempt"/> of <paramref name="jobId"/> <paramref name="count"/> slots,
    /// releasing what the job held before; null with the shortage when the usable nodes lack free slots.
    /// Asking again for the same attempt (a retried request) gets the same slots.
    /// </summary>
    public SlotAllocation Allocate(string jobId, int attempt, int count)
    {
        Debug.Assert(count >= 1);
        if (_jobs.TryGetValue(jobId, out var granted) && granted.Attempt == attempt && granted.Nodes.Length == count)
            return new SlotAllocation(granted.Nodes, count, count);
        var previous = _jobs.Remove(jobId, out var held) ? held : null;
        var free = _nodes.Where(n => n.Value.Usable).ToDictionary(n => n.Key, n => Free(n.Key, n.Value), StringComparer.Ordinal);
        var total = free.Values.Aggregate(0L, (sum, f) => sum + f);
        if (total < count)
        {
            if (previous is not null)
                _jobs[jobId] = previous; // nothing changes: the caller may retry later
            return new SlotAllocation(null, count, (int)Math.Min(total, int.MaxValue));
        }
        var nodes = new string[count];
        var mine = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var slot = 0; slot < count; slot++)
        {
            var node = free.Where(f => f.Value > 0)
                .OrderByDescending(f => f.Value == NodeSlots.Unlimited ? long.MaxValue : f.Value)
                .ThenBy(f => mine.GetValueOrDefault(f.Key))
                .ThenBy(f => f.Key, StringComparer.Ordinal)
                .First().Key;
            nodes[slot] = node;
            mine[node] = mine.GetValueOrDefault(node) + 1;
            if (free[node] != NodeSlots.Unlimited)
                free[node]--;
        }
        _jobs[jobId] = new JobSlots(attempt, nodes);
        return new SlotAllocation(nodes, count, (int)Math.Min(total, int.MaxValue));
    }

    /// <summary>
    /// Records that attempt <paramref name="attempt"/> of <paramref name="jobId"/> holds slots on <paramref name="nodes"/>,
    /// unless the table knows a later attempt: how a new slot manager learns what its predecessor granted.
    /// </summary>
    public void Hold(string jobId, int attempt, IReadOnlyList<string> nodes)
    {
        if (_jobs.TryGetValue(jobId, out var held) && held.Attempt >= attempt)
            return;
        _jobs[jobId] = new JobSlots(attempt, [.. nodes]);
    }

    /// <summary>Releases every slot <paramref name="jobId"/> holds.</summary>
    public void Release(string jobId) => _jobs.Remove(jobId);

    /// <summary>The node slot <paramref name="slot"/> of attempt <paramref name="attempt"/> of a job was given to, or null.</summary>
    public string? LocationOf(string jobId, int attempt, int slot) =>
        _jobs.TryGetValue(jobId, out var held) && held.Attempt == attempt && slot < held.Nodes.Length ? held.Nodes[slot] : null;

    /// <summary>Every known node with its slots, free slots and status, in address order.</summary>
    public IReadOnlyList<NodeInfo> Nodes() => _nodes.OrderBy(n => n.Key, StringComparer.Ordinal)
        .Select(n => new NodeInfo(n.Key, n.Value.Status, n.Value.Slots, n.Value.Usable ? Free(n.Key, n.Value) : 0))
        .ToList();

    private int Free(string node, NodeEntry entry) =>
        entry.Slots == NodeSlots.Unlimited ? NodeSlots.Unlimited
            : Math.Max(0, entry.Slots - _jobs.Values.Sum(j => j.Nodes.Count(n => n == node)));

    private sealed record NodeEntry(int Slots, string Status, bool Usable);

    private sealed record JobSlots(int Attempt, string[] Nodes);
}

/// <summary>The outcome of a slot request: the node of each slot, or null when <paramref name="Free"/> is less than <paramref name="Needed"/>.</summary>
internal sealed record SlotAllocation(IReadOnlyList<string>? Nodes, int Needed, int Free);

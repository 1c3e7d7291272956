namespace ActorStream.Graph.Plan;

/// <summary>
/// How a job's subtasks share slots (Flink's slot sharing): subtask i of every vertex of a group runs
/// in the group's slot i, and groups never share a slot, so a group needs as many slots as its widest
/// vertex and the job needs the sum. Slots are numbered group after group, in order of first appearance.
/// </summary>
public sealed class SlotSharing
{
    private readonly Dictionary<string, int> _firstSlot = new(StringComparer.Ordinal);

    /// <summary>Lays out the slots of <paramref name="vertices"/>.</summary>
    public SlotSharing(IEnumerable<JobVertex> vertices)
    {
        var groups = new List<(string Name, int Slots)>();
        foreach (var vertex in vertices)
        {
            var index = groups.FindIndex(g => g.Name == vertex.SlotSharingGroup);
            if (index < 0)
                groups.Add((vertex.SlotSharingGroup, vertex.Parallelism));
            else if (groups[index].Slots < vertex.Parallelism)
                groups[index] = (vertex.SlotSharingGroup, vertex.Parallelism);
        }
        var next = 0;
        foreach (var (name, slots) in groups)
        {
            _firstSlot[name] = next;
            next += slots;
        }
        Groups = groups;
        SlotCount = next;
    }

    /// <summary>The groups in slot order, each with the slots it needs (its widest vertex's parallelism).</summary>
    public IReadOnlyList<(string Name, int Slots)> Groups { get; }

    /// <summary>The slots the job needs.</summary>
    public int SlotCount { get; }

    /// <summary>The slot subtask <paramref name="subtaskIndex"/> of <paramref name="vertex"/> runs in.</summary>
    public int SlotOf(JobVertex vertex, int subtaskIndex)
    {
        if (subtaskIndex < 0 || subtaskIndex >= vertex.Parallelism)
            throw new ArgumentOutOfRangeException(nameof(subtaskIndex), subtaskIndex, $"'{vertex.Name}' has subtasks 0..{vertex.Parallelism - 1}.");
        return _firstSlot.TryGetValue(vertex.SlotSharingGroup, out var first)
            ? first + subtaskIndex
            : throw new ArgumentException($"'{vertex.Name}' is not a vertex of this job.", nameof(vertex));
    }
}

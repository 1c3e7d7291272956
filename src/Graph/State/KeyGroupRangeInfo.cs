using ActorStream.Graph.Keys;

namespace ActorStream.Graph.State;

/// <summary>The key groups a keyed backend owns, with the mapping from key group to local slot.</summary>
public sealed record KeyGroupRangeInfo(KeyGroupRange Range, int MaxParallelism)
{
    /// <summary>The local slot of <paramref name="keyGroup"/>; throws when the key group is not owned.</summary>
    public int SlotOf(int keyGroup)
    {
        if (!Range.Contains(keyGroup))
            throw new InvalidOperationException($"Key group {keyGroup} is not in this subtask's {Range}.");
        return keyGroup - Range.StartKeyGroup;
    }
}

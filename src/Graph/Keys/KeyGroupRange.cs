namespace ActorStream.Graph.Keys;

/// <summary>A contiguous, inclusive range of key groups owned by one subtask.</summary>
public readonly record struct KeyGroupRange(int StartKeyGroup, int EndKeyGroup)
{
    /// <summary>How many key groups the range holds (0 when empty).</summary>
    public int Count => EndKeyGroup < StartKeyGroup ? 0 : EndKeyGroup - StartKeyGroup + 1;

    /// <summary>True when <paramref name="keyGroup"/> is inside the range.</summary>
    public bool Contains(int keyGroup) => keyGroup >= StartKeyGroup && keyGroup <= EndKeyGroup;

    /// <summary>The key groups in ascending order.</summary>
    public IEnumerable<int> KeyGroups => Enumerable.Range(StartKeyGroup, Count);

    /// <inheritdoc />
    public override string ToString() => $"KeyGroupRange[{StartKeyGroup}..{EndKeyGroup}]";
}

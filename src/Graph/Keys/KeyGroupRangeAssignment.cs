namespace ActorStream.Graph.Keys;

/// <summary>Maps keys to key groups and key groups to subtasks, exactly as Flink's KeyGroupRangeAssignment.</summary>
public static class KeyGroupRangeAssignment
{
    /// <summary>The default max parallelism (number of key groups).</summary>
    public const int DefaultMaxParallelism = 128;

    /// <summary>The largest supported max parallelism (Flink's upper bound, 2^15).</summary>
    public const int UpperBoundMaxParallelism = 1 << 15;

    /// <summary>The key group of a key whose stable hash is <paramref name="keyHash"/>.</summary>
    public static int ComputeKeyGroupForKeyHash(int keyHash, int maxParallelism) =>
        MurmurHash.Hash(keyHash) % maxParallelism;

    /// <summary>The key group of <paramref name="key"/>.</summary>
    public static int AssignToKeyGroup<TKey>(TKey key, int maxParallelism) =>
        ComputeKeyGroupForKeyHash(StableKeyHash<TKey>.Hash(key), maxParallelism);

    /// <summary>The subtask index that owns <paramref name="keyGroup"/>.</summary>
    public static int ComputeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) =>
        keyGroup * parallelism / maxParallelism;

    /// <summary>The subtask index that owns <paramref name="key"/>.</summary>
    public static int AssignKeyToParallelOperator<TKey>(TKey key, int maxParallelism, int parallelism) =>
        ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, AssignToKeyGroup(key, maxParallelism));

    /// <summary>The contiguous key groups owned by subtask <paramref name="operatorIndex"/>.</summary>
    public static KeyGroupRange ComputeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex)
    {
        CheckParallelism(maxParallelism, parallelism);
        var start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
        var end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /// <summary>Throws when the pair is not a valid (max parallelism, parallelism) combination.</summary>
    public static void CheckParallelism(int maxParallelism, int parallelism)
    {
        if (maxParallelism is < 1 or > UpperBoundMaxParallelism)
            throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism,
                $"Max parallelism must be between 1 and {UpperBoundMaxParallelism}.");
        if (parallelism < 1 || parallelism > maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism,
                $"Parallelism must be between 1 and the max parallelism ({maxParallelism}).");
    }
}

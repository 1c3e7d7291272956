namespace ActorStream.Graph.Plan;

/// <summary>An <see cref="IPartitioner{TKey}"/> from a function of the key and the number of partitions.</summary>
internal sealed class FuncPartitioner<TKey>(Func<TKey, int, int> partition) : IPartitioner<TKey>
{
    public int Partition(TKey key, int numPartitions) => partition(key, numPartitions);
}

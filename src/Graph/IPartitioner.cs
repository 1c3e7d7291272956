namespace ActorStream.Graph;

/// <summary>Chooses the target subtask of a key for <see cref="DataStream{T}.PartitionCustom{TKey}(IPartitioner{TKey}, Func{T, TKey})"/> (Flink's Partitioner).</summary>
public interface IPartitioner<in TKey>
{
    /// <summary>The target subtask of <paramref name="key"/>, in 0..<paramref name="numPartitions"/>-1.</summary>
    int Partition(TKey key, int numPartitions);
}

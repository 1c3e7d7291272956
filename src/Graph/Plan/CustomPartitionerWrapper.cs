using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>Sends each record to the subtask a user's <see cref="IPartitioner{TKey}"/> picks for its key (Flink's CustomPartitionerWrapper).</summary>
public sealed class CustomPartitionerWrapper<TIn, TKey>(IPartitioner<TKey> partitioner, Func<TIn, TKey> keySelector) : StreamPartitioner
{
    /// <summary>The user's partitioner.</summary>
    public IPartitioner<TKey> Partitioner { get; } = partitioner;

    /// <summary>The key selector the partitioner reads.</summary>
    public Func<TIn, TKey> KeySelector { get; } = keySelector;

    /// <inheritdoc />
    public override string Name => "CUSTOM";

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        (IChannelSelector<T>)(object)new Selector(this, numberOfChannels, "the next operator");

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(JobEdge edge, int numberOfChannels, int senderIndex) =>
        (IChannelSelector<T>)(object)new Selector(this, numberOfChannels, $"'{edge.StreamEdge.Target.Name}'");

    private sealed class Selector(CustomPartitionerWrapper<TIn, TKey> owner, int channels, string target) : IChannelSelector<TIn>
    {
        public int SelectChannel(in StreamRecord<TIn> record)
        {
            var key = owner.KeySelector(record.Value);
            var channel = owner.Partitioner.Partition(key, channels);
            if ((uint)channel >= (uint)channels)
                throw new InvalidOperationException(
                    $"PartitionCustom's partitioner returned partition {channel} for key '{key}', " +
                    $"but {target} has {channels} subtasks; return a value in 0..{channels - 1}.");
            return channel;
        }
    }
}

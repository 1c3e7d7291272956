using ActorStream.Graph.Keys;
using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>Sends each record to the subtask that owns its key's key group.</summary>
public sealed class KeyGroupStreamPartitioner<TIn, TKey>(Func<TIn, TKey> keySelector) : StreamPartitioner
{
    /// <summary>The key selector the edge partitions by.</summary>
    public Func<TIn, TKey> KeySelector { get; } = keySelector;

    /// <inheritdoc />
    public override string Name => "HASH";

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        (IChannelSelector<T>)(object)new Selector(KeySelector, numberOfChannels, targetMaxParallelism);

    private sealed class Selector(Func<TIn, TKey> keySelector, int channels, int maxParallelism) : IKeyGroupChannelSelector<TIn>
    {
        public Delegate KeySelector => keySelector;

        public int SelectChannel(in StreamRecord<TIn> record) => ChannelOf(SelectKeyGroup(in record));

        public int SelectKeyGroup(in StreamRecord<TIn> record)
        {
            var key = keySelector(record.Value) ?? throw new InvalidOperationException("A key selector returned null; keys must not be null.");
            return KeyGroupRangeAssignment.AssignToKeyGroup(key, maxParallelism);
        }

        public int ChannelOf(int keyGroup) => KeyGroupRangeAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, channels, keyGroup);
    }
}

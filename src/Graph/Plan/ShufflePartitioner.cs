using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>
/// A uniformly random target subtask per record (Flink's ShufflePartitioner). Each sender draws from
/// its own <see cref="Random"/> seeded with its subtask index, so a run's routing is reproducible;
/// a restarted sender starts its sequence again.
/// </summary>
public sealed class ShufflePartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly ShufflePartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "SHUFFLE";

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        new Selector<T>(numberOfChannels, new Random(senderIndex));

    private sealed class Selector<T>(int channels, Random random) : IChannelSelector<T>
    {
        public int SelectChannel(in StreamRecord<T> record) => random.Next(channels);
    }
}

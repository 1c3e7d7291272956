namespace ActorStream.Graph.Plan;

/// <summary>
/// Round-robin over the sender's own group of target subtasks (Flink's RescalePartitioner): a
/// pointwise edge, so 2 senders and 4 targets connect 0 -> {0, 1} and 1 -> {2, 3}, and 4 senders
/// and 2 targets connect {0, 1} -> 0 and {2, 3} -> 1 (see <see cref="PointwisePattern"/>).
/// </summary>
public sealed class RescalePartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly RescalePartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "RESCALE";

    /// <inheritdoc />
    public override bool IsPointwise => true;

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        new RoundRobin<T>(numberOfChannels, 0);
}

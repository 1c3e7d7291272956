namespace ActorStream.Graph.Plan;

/// <summary>Every record to subtask 0 of the target (Flink's GlobalPartitioner); the other subtasks get only watermarks, barriers and end of input.</summary>
public sealed class GlobalPartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly GlobalPartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "GLOBAL";

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        FixedChannel<T>.Zero;
}

using ActorStream.Graph.Runtime;

namespace ActorStream.Graph.Plan;

/// <summary>Chooses the target channel of each record on an edge between subtasks.</summary>
public interface IChannelSelector<T>
{
    /// <summary>The channel (target subtask among the edge's channels) of <paramref name="record"/>.</summary>
    int SelectChannel(in StreamRecord<T> record);
}

/// <summary>How an edge distributes records over the target subtasks.</summary>
public abstract class StreamPartitioner
{
    /// <summary>The ship strategy's name in plans: FORWARD, REBALANCE, RESCALE, SHUFFLE, GLOBAL, HASH, BROADCAST, CUSTOM.</summary>
    public abstract string Name { get; }

    /// <summary>True when a sender writes only to its group of targets (<see cref="PointwisePattern"/>) rather than to all of them.</summary>
    public virtual bool IsPointwise => false;

    /// <summary>True when every record goes to every channel.</summary>
    public virtual bool IsBroadcast => false;

    /// <summary>Creates the selector one sending subtask uses.</summary>
    public abstract IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism);

    /// <summary>Creates the selector sender <paramref name="senderIndex"/> uses on <paramref name="edge"/>; override to name the edge in errors.</summary>
    public virtual IChannelSelector<T> CreateSelector<T>(JobEdge edge, int numberOfChannels, int senderIndex) =>
        CreateSelector<T>(numberOfChannels, senderIndex, edge.Target.MaxParallelism);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Subtask i sends to subtask i (equal parallelism only); the partitioner that allows chaining.</summary>
public sealed class ForwardPartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly ForwardPartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "FORWARD";

    /// <inheritdoc />
    public override bool IsPointwise => true;

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        FixedChannel<T>.Zero;
}

/// <summary>Round-robin over all target subtasks.</summary>
public sealed class RebalancePartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly RebalancePartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "REBALANCE";

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        new RoundRobin<T>(numberOfChannels, senderIndex % numberOfChannels);
}

/// <summary>Every record to every target subtask.</summary>
public sealed class BroadcastPartitioner : StreamPartitioner
{
    /// <summary>The single instance.</summary>
    public static readonly BroadcastPartitioner Instance = new();

    /// <inheritdoc />
    public override string Name => "BROADCAST";

    /// <inheritdoc />
    public override bool IsBroadcast => true;

    /// <inheritdoc />
    public override IChannelSelector<T> CreateSelector<T>(int numberOfChannels, int senderIndex, int targetMaxParallelism) =>
        throw new InvalidOperationException("A broadcast edge sends every record to every channel; it has no selector.");
}

internal sealed class FixedChannel<T> : IChannelSelector<T>
{
    public static readonly FixedChannel<T> Zero = new();

    public int SelectChannel(in StreamRecord<T> record) => 0;
}

/// <summary>Cycles through the channels from <paramref name="start"/>.</summary>
internal sealed class RoundRobin<T>(int channels, int start) : IChannelSelector<T>
{
    private int _next = start;

    public int SelectChannel(in StreamRecord<T> record)
    {
        var channel = _next;
        _next = channel + 1 == channels ? 0 : channel + 1;
        return channel;
    }
}

namespace ActorStream.Actors.Exchange;

/// <summary>A message on a data channel between two subtasks, kept in order with the batches.</summary>
public interface IChannelMessage
{
    /// <summary>The receiver's input channel index.</summary>
    int Channel { get; }
}

/// <summary>A batch of records; costs the sender one credit.</summary>
public sealed record DataBatch(int Channel, IRecordBatch Batch) : IChannelMessage
{
    /// <summary>Sender side, to another node: where the serializer adds the batch's size on the wire.</summary>
    public WireBytes? SentBytes { get; init; }

    /// <summary>Receiver side: the batch's size on the wire, 0 when it came from a subtask on the same node.</summary>
    public int ReceivedBytes { get; init; }
}

/// <summary>The sender's event time advanced to <paramref name="Watermark"/>.</summary>
public sealed record ChannelWatermark(int Channel, long Watermark) : IChannelMessage;

/// <summary>The sender's stream became idle (its watermarks no longer count) or active again.</summary>
public sealed record ChannelWatermarkStatus(int Channel, bool Idle) : IChannelMessage;

/// <summary>Checkpoint barrier: everything before it on this channel belongs to the checkpoint, nothing after.</summary>
public sealed record ChannelBarrier(int Channel, Checkpointing.CheckpointBarrier Barrier) : IChannelMessage;

/// <summary>The sender will send nothing more on this channel.</summary>
public sealed record EndOfPartition(int Channel) : IChannelMessage;

/// <summary>The receiver grants the sender <paramref name="Amount"/> more batches on one of its output channels.</summary>
public sealed record Credit(int OutputEdge, int OutputChannel, int Amount);

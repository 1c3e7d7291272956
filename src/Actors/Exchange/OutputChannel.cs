using Akka.Actor;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// The sending end of one channel. A batch goes out only against a credit; without one it waits
/// in the backlog, and events queue behind it so the channel stays in order.
/// </summary>
internal sealed class OutputChannel(IActorRef target, int targetChannel, WireBytes? sentBytes = null)
{
    private readonly Queue<IChannelMessage> _backlog = new();
    private OutputBacklog? _counter;
    private int _credits;

    /// <summary>True when the receiving subtask lives on another node: its batches are serialized and bounded in bytes.</summary>
    public bool IsRemote { get; } = target.Path.Address.HasGlobalScope;

    /// <summary>True when messages wait for credit.</summary>
    public bool HasBacklog => _backlog.Count > 0;

    /// <summary>Counts this channel in <paramref name="counter"/> while its backlog is not empty (one counter per writer or per subtask).</summary>
    public void CountBacklogIn(OutputBacklog counter)
    {
        if (HasBacklog)
        {
            _counter?.ChannelDrained();
            counter.ChannelBacklogged();
        }
        _counter = counter;
    }

    /// <summary>Sends <paramref name="batch"/> now if a credit allows, else queues it.</summary>
    public void SendBatch(IRecordBatch batch) => Send(new DataBatch(targetChannel, batch) { SentBytes = IsRemote ? sentBytes : null });

    /// <summary>Sends a watermark in order with the batches.</summary>
    public void SendWatermark(long watermark) => Send(new ChannelWatermark(targetChannel, watermark));

    /// <summary>Sends an idle/active status in order with the batches.</summary>
    public void SendWatermarkStatus(bool idle) => Send(new ChannelWatermarkStatus(targetChannel, idle));

    /// <summary>Sends a checkpoint barrier in order with the batches.</summary>
    public void SendBarrier(Checkpointing.CheckpointBarrier barrier) => Send(new ChannelBarrier(targetChannel, barrier));

    /// <summary>Sends end-of-partition in order with the batches.</summary>
    public void SendEndOfPartition() => Send(new EndOfPartition(targetChannel));

    /// <summary>Adds credits and sends what they allow from the backlog.</summary>
    public void AddCredit(int amount)
    {
        _credits += amount;
        if (_backlog.Count == 0)
            return;
        while (_backlog.TryPeek(out var next) && (next is not DataBatch || _credits > 0))
        {
            _backlog.Dequeue();
            Deliver(next);
        }
        if (_backlog.Count == 0)
            _counter?.ChannelDrained();
    }

    private void Send(IChannelMessage message)
    {
        if (_backlog.Count == 0 && (message is not DataBatch || _credits > 0))
            Deliver(message);
        else
        {
            if (_backlog.Count == 0)
                _counter?.ChannelBacklogged();
            _backlog.Enqueue(message);
        }
    }

    private void Deliver(IChannelMessage message)
    {
        if (message is DataBatch)
            _credits--;
        target.Tell(message, ActorRefs.NoSender);
    }
}

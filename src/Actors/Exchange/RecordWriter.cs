using ActorStream.Graph.Plan;
using ActorStream.Graph.Runtime;

namespace ActorStream.Actors.Exchange;

/// <summary>The untyped view of a <see cref="RecordWriter{T}"/> for the subtask's control path.</summary>
internal interface IRecordWriter
{
    /// <summary>True when no channel has a backlog: the subtask may produce more.</summary>
    bool IsAvailable { get; }

    /// <summary>True when some channel holds a partly filled batch.</summary>
    bool HasBufferedRecords { get; }

    /// <summary>Records written so far.</summary>
    long RecordsWritten { get; }

    /// <summary>The last watermark sent downstream, <see cref="long.MinValue"/> before any.</summary>
    long CurrentWatermark { get; }

    /// <summary>Sends every partly filled batch.</summary>
    void FlushAll();

    /// <summary>Flushes and ends every channel.</summary>
    void EndOfPartition();

    /// <summary>Flushes, then sends the barrier on every channel (after the records before it).</summary>
    void BroadcastBarrier(Checkpointing.CheckpointBarrier barrier);

    /// <summary>Credit arrived for <paramref name="channel"/>.</summary>
    void AddCredit(int channel, int amount);

    /// <summary>
    /// Sends the stream's watermark status on every channel unless one was sent already: the first message of
    /// every channel, which the receiving gate waits for from all its channels before it hands out any.
    /// </summary>
    void AnnounceWatermarkStatus();
}

/// <summary>
/// The end of a chain at a network edge: partitions records into one batch per channel and sends
/// a batch when it is full or when the subtask flushes (timeout, watermark, end of input).
/// </summary>
internal sealed class RecordWriter<T>(OutputChannel[] channels, IChannelSelector<T>? selector, int batchSize, int remoteBatchBytes = 64 * 1024)
    : IInput<T>, IRecordWriter
{
    private readonly StreamRecord<T>[]?[] _buffers = new StreamRecord<T>[]?[channels.Length];
    private readonly int[] _counts = new int[channels.Length];
    private readonly int[] _capacities = new int[channels.Length];
    private int _buffered;
    private bool _statusSent;

    public long RecordsWritten { get; private set; }

    public bool IsAvailable
    {
        get
        {
            foreach (var channel in channels)
            {
                if (channel.HasBacklog)
                    return false;
            }
            return true;
        }
    }

    public bool HasBufferedRecords => _buffered > 0;

    public void ProcessElement(in StreamRecord<T> record)
    {
        RecordsWritten++;
        if (selector is null)
        {
            for (var channel = 0; channel < channels.Length; channel++)
                Append(channel, in record);
        }
        else
        {
            Append(selector.SelectChannel(in record), in record);
        }
    }

    /// <inheritdoc />
    public long CurrentWatermark { get; private set; } = long.MinValue;

    public void ProcessWatermark(long watermark)
    {
        CurrentWatermark = watermark;
        FlushAll();
        foreach (var channel in channels)
            channel.SendWatermark(watermark);
    }

    public void ProcessWatermarkStatus(bool idle)
    {
        _statusSent = true;
        FlushAll();
        foreach (var channel in channels)
            channel.SendWatermarkStatus(idle);
    }

    public void FlushAll()
    {
        for (var channel = 0; channel < channels.Length && _buffered > 0; channel++)
            Flush(channel);
    }

    public void EndOfPartition()
    {
        FlushAll();
        foreach (var channel in channels)
            channel.SendEndOfPartition();
    }

    public void BroadcastBarrier(Checkpointing.CheckpointBarrier barrier)
    {
        FlushAll();
        foreach (var channel in channels)
            channel.SendBarrier(barrier);
    }

    public void AddCredit(int channel, int amount) => channels[channel].AddCredit(amount);

    public void AnnounceWatermarkStatus()
    {
        if (!_statusSent)
            ProcessWatermarkStatus(idle: false);
    }

    private void Append(int channel, in StreamRecord<T> record)
    {
        var buffer = _buffers[channel] ??= NewBuffer(channel);
        buffer[_counts[channel]++] = record;
        _buffered++;
        if (_counts[channel] == _capacities[channel])
            Flush(channel);
    }

    /// <summary>A buffer for the channel's next batch; to another node it holds what fits in the byte budget.</summary>
    private StreamRecord<T>[] NewBuffer(int channel)
    {
        _capacities[channel] = channels[channel].IsRemote ? RemoteBatchSizing.RecordsPerBatch(typeof(T), batchSize, remoteBatchBytes) : batchSize;
        return RecordBatch<T>.RentArray(batchSize);
    }

    private void Flush(int channel)
    {
        var count = _counts[channel];
        if (count == 0)
            return;
        channels[channel].SendBatch(new RecordBatch<T>(_buffers[channel]!, count));
        _buffers[channel] = null;
        _counts[channel] = 0;
        _buffered -= count;
    }
}

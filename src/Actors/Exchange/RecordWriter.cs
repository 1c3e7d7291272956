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
/// a batch when it is full or when the subtask flushes (timeout, watermark, end of input). On a keyed
/// edge the key group that chose the channel travels with the record to subtasks of the same node,
/// so the receiving keyed operator need not hash the key again.
/// </summary>
internal sealed class RecordWriter<T> : IInput<T>, IRecordWriter
{
    private readonly OutputChannel[] _channels;
    private readonly IChannelSelector<T>? _selector;
    private readonly IKeyGroupChannelSelector<T>? _keyed;
    private readonly int _batchSize;
    private readonly int _remoteBatchBytes;
    private readonly LocalBatchSizing<T>? _local;
    private readonly OutputBacklog _backlog;
    private readonly StreamRecord<T>[]?[] _buffers;
    private readonly int[]?[]? _keyGroups;
    private readonly int[] _counts;
    private readonly int[] _capacities;
    private int _buffered;
    private bool _statusSent;

    /// <summary>
    /// Writes to <paramref name="channels"/> by <paramref name="selector"/> (every channel when null); the channels count their
    /// backlogs in <paramref name="backlog"/> (shared by all writers of a subtask, or this writer's own when null). A batch holds
    /// at most <paramref name="batchSize"/> records, and at most about <paramref name="remoteBatchBytes"/> serialized bytes to another
    /// node or <paramref name="localBatchBytes"/> to a subtask of this node.
    /// </summary>
    public RecordWriter(OutputChannel[] channels, IChannelSelector<T>? selector, int batchSize, int remoteBatchBytes = 64 * 1024,
        OutputBacklog? backlog = null, int localBatchBytes = PlanSettings.DefaultLocalBatchBytes)
    {
        _channels = channels;
        _selector = selector;
        _keyed = selector as IKeyGroupChannelSelector<T>;
        _batchSize = batchSize;
        _remoteBatchBytes = remoteBatchBytes;
        _backlog = backlog ?? new OutputBacklog();
        foreach (var channel in _channels)
            channel.CountBacklogIn(_backlog);
        _buffers = new StreamRecord<T>[]?[channels.Length];
        _keyGroups = _keyed is null ? null : new int[]?[channels.Length];
        _counts = new int[channels.Length];
        _capacities = new int[channels.Length];
        if (channels.Any(c => !c.IsRemote))
            _local = new LocalBatchSizing<T>(batchSize, localBatchBytes);
    }

    public long RecordsWritten { get; private set; }

    /// <summary>True when no channel counted in this writer's backlog (the whole subtask's when shared) waits for credit.</summary>
    public bool IsAvailable => _backlog.IsEmpty;

    public bool HasBufferedRecords => _buffered > 0;

    public void ProcessElement(in StreamRecord<T> record)
    {
        RecordsWritten++;
        if (_keyed is not null)
        {
            var keyGroup = _keyed.SelectKeyGroup(in record);
            var channel = _keyed.ChannelOf(keyGroup);
            var index = Add(channel, in record);
            if (_keyGroups![channel] is { } groups)
                groups[index] = keyGroup;
            if (index + 1 == _capacities[channel])
                Flush(channel);
        }
        else if (_selector is not null)
        {
            Append(_selector.SelectChannel(in record), in record);
        }
        else
        {
            for (var channel = 0; channel < _channels.Length; channel++)
                Append(channel, in record);
        }
    }

    /// <inheritdoc />
    public long CurrentWatermark { get; private set; } = long.MinValue;

    public void ProcessWatermark(long watermark)
    {
        CurrentWatermark = watermark;
        FlushAll();
        foreach (var channel in _channels)
            channel.SendWatermark(watermark);
    }

    public void ProcessWatermarkStatus(bool idle)
    {
        _statusSent = true;
        FlushAll();
        foreach (var channel in _channels)
            channel.SendWatermarkStatus(idle);
    }

    public void FlushAll()
    {
        for (var channel = 0; channel < _channels.Length && _buffered > 0; channel++)
            Flush(channel);
    }

    public void EndOfPartition()
    {
        FlushAll();
        foreach (var channel in _channels)
            channel.SendEndOfPartition();
    }

    public void BroadcastBarrier(Checkpointing.CheckpointBarrier barrier)
    {
        FlushAll();
        foreach (var channel in _channels)
            channel.SendBarrier(barrier);
    }

    public void AddCredit(int channel, int amount) => _channels[channel].AddCredit(amount);

    public void AnnounceWatermarkStatus()
    {
        if (!_statusSent)
            ProcessWatermarkStatus(idle: false);
    }

    private void Append(int channel, in StreamRecord<T> record)
    {
        var index = Add(channel, in record);
        if (index + 1 == _capacities[channel])
            Flush(channel);
    }

    /// <summary>Adds <paramref name="record"/> to the channel's batch and returns its index there; the caller flushes a full batch.</summary>
    private int Add(int channel, in StreamRecord<T> record)
    {
        var buffer = _buffers[channel] ??= NewBuffer(channel, in record);
        var index = _counts[channel]++;
        buffer[index] = record;
        _buffered++;
        return index;
    }

    /// <summary>
    /// A buffer for the channel's next batch, which starts with <paramref name="first"/>; it holds what fits in the byte budget
    /// of a remote or a local batch. On a keyed edge to a subtask of this node a key-group array goes with it; to another node
    /// the groups would cost wire bytes for what the receiver computes as cheaply, so none travel.
    /// </summary>
    private StreamRecord<T>[] NewBuffer(int channel, in StreamRecord<T> first)
    {
        if (_channels[channel].IsRemote)
        {
            _capacities[channel] = RemoteBatchSizing.RecordsPerBatch(typeof(T), _batchSize * RemoteBatchSizing.RecordsFactor, _remoteBatchBytes);
            return RecordBatch<T>.RentArray(_capacities[channel]);
        }
        _capacities[channel] = _local!.CapacityFor(in first);
        if (_keyGroups is not null)
            _keyGroups[channel] = RecordBatch<T>.RentKeyGroups(_batchSize);
        return RecordBatch<T>.RentArray(_batchSize);
    }

    private void Flush(int channel)
    {
        var count = _counts[channel];
        if (count == 0)
            return;
        var records = _buffers[channel]!;
        var batch = _keyGroups?[channel] is { } groups
            ? new RecordBatch<T>(records, groups, _keyed!.KeySelector, count)
            : new RecordBatch<T>(records, count);
        _channels[channel].SendBatch(batch);
        _buffers[channel] = null;
        if (_keyGroups is not null)
            _keyGroups[channel] = null;
        _counts[channel] = 0;
        _buffered -= count;
    }
}

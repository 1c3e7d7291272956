using ActorStream.Graph.Runtime;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Exchange;

/// <summary>
/// Bounds in bytes the batches that a record writer sends to subtasks of its own node. Those batches pass by
/// reference, so only the record count bounded them: 1,024 records of 50 KB held 50 MB per batch and a barrier
/// waited behind it. The edge's serializer measures one record at the start of some batches (every batch at first,
/// then one in <see cref="SampleEvery"/>), never each record, and the next batches hold what fits the byte budget.
/// </summary>
internal sealed class LocalBatchSizing<T>
{
    /// <summary>Batches measured one after the other when the writer starts: the first records set the size at once.</summary>
    public const int WarmUpSamples = 8;

    /// <summary>After the warm-up, one batch in this many measures its first record.</summary>
    public const int SampleEvery = 16;

    private readonly int _batchSize;
    private readonly int _batchBytes;
    private ITypeSerializer<T>? _serializer;
    private ByteCountingStream? _counter;
    private BinaryWriter? _writer;
    private double _bytesPerRecord;
    private int _batches;
    private bool _unmeasurable;

    /// <summary>Sizes batches of at most <paramref name="batchSize"/> records to fill at most <paramref name="batchBytes"/>.</summary>
    public LocalBatchSizing(int batchSize, int batchBytes)
    {
        _batchSize = batchSize;
        _batchBytes = batchBytes;
        Capacity = batchSize;
    }

    /// <summary>Records the next batch may hold.</summary>
    public int Capacity { get; private set; }

    /// <summary>The estimated serialized bytes of one record; zero before the first measurement.</summary>
    public double BytesPerRecord => _bytesPerRecord;

    /// <summary>Records a batch starting with <paramref name="first"/> may hold, measuring that record when a sample is due.</summary>
    public int CapacityFor(in StreamRecord<T> first)
    {
        var batch = _batches++;
        if (!_unmeasurable && (batch < WarmUpSamples || batch % SampleEvery == 0))
            Measure(first.Value);
        return Capacity;
    }

    private void Measure(T value)
    {
        _serializer ??= TypeSerializers.Get<T>();
        _counter ??= new ByteCountingStream();
        _writer ??= new BinaryWriter(_counter);
        _counter.Reset();
        try
        {
            _serializer.Serialize(value, _writer);
            _writer.Flush();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Records that never leave the node need not be serializable: such an edge keeps the count bound only.
            _unmeasurable = true;
            Capacity = _batchSize;
            return;
        }
        var observed = Math.Max(1, _counter.Length);
        // As RemoteBatchSizing: the larger of the new size and a decayed old one, so one large record shrinks the next batches at once.
        _bytesPerRecord = Math.Max(observed, _bytesPerRecord * 0.9);
        Capacity = (int)Math.Clamp(_batchBytes / _bytesPerRecord, 1, _batchSize);
    }
}

using System.Diagnostics;
using System.Threading.Channels;

namespace ActorStream.Graph.Sinks;

/// <summary>
/// The bounded buffer between a job's collect sink subtasks (many writers) and the one caller that reads the results.
/// A writer that finds it full waits (on its subtask's thread, as any sink that back-pressures) until the caller takes
/// a record or stops reading; after the caller stopped, records are dropped so the job can be cancelled.
/// </summary>
internal sealed class CollectBuffer<T>
{
    private readonly Channel<T> _channel;
    private readonly CancellationTokenSource _closed = new();
    private readonly Dictionary<Guid, long> _releasedUpTo = [];
    private long _released;
    private int _maxBuffered;
    private volatile bool _submitted;

    public CollectBuffer(int capacity)
    {
        Capacity = capacity;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The most records the buffer holds.</summary>
    public int Capacity { get; }

    /// <summary>Where the caller reads; it completes (with the job's failure, if any) when the job ends.</summary>
    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Records that entered the buffer so far.</summary>
    public long Released => Interlocked.Read(ref _released);

    /// <summary>The most records the buffer held at once.</summary>
    public int MaxBuffered => Volatile.Read(ref _maxBuffered);

    /// <summary>The job that writes here is being submitted by the environment that created this buffer, whose caller reads it.</summary>
    public void MarkSubmitted() => _submitted = true;

    /// <summary>
    /// Throws unless the job was submitted by the environment of the collected stream: a graph rebuilt elsewhere (a job
    /// catalog on a cluster node) would fill a buffer nobody reads and then hold its job forever.
    /// </summary>
    public void CheckSubmitted(SinkContext context)
    {
        if (!_submitted)
            throw new InvalidOperationException($"The collect sink of job '{context.JobName}' has no caller to hand its records to: a collected " +
                "stream (CollectAsync, ExecuteAndCollectAsync) works only for a job started from its own environment in the caller's process, " +
                "not for a job rebuilt from a JobCatalog on a cluster node; write such a job's results to a sink (Kafka, files, MySQL, an actor) instead.");
    }

    /// <summary>True once the caller stopped reading.</summary>
    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>Adds <paramref name="value"/>, waiting while the buffer is full; drops it once the caller stopped reading.</summary>
    public void Write(T value)
    {
        while (!_channel.Writer.TryWrite(value))
        {
            try
            {
                if (!_channel.Writer.WaitToWriteAsync(_closed.Token).AsTask().GetAwaiter().GetResult())
                    return; // the job ended or the caller left: nobody reads this any more
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        Interlocked.Increment(ref _released);
        var buffered = _channel.Reader.Count;
        Debug.Assert(buffered <= Capacity, "a bounded channel never holds more than its capacity");
        for (var seen = MaxBuffered; buffered > seen; seen = MaxBuffered)
            Interlocked.CompareExchange(ref _maxBuffered, buffered, seen);
    }

    /// <summary>
    /// Adds the records of <paramref name="batches"/> whose checkpoint completed, each batch once: a batch committed again
    /// after a restore (its writer's checkpoint at or below what was released of that writer) is skipped.
    /// </summary>
    public void Release(IEnumerable<CollectBatch<T>> batches)
    {
        foreach (var batch in batches.OrderBy(b => b.CheckpointId))
        {
            lock (_releasedUpTo)
            {
                if (_releasedUpTo.TryGetValue(batch.Writer, out var upTo) && batch.CheckpointId <= upTo)
                    continue;
                _releasedUpTo[batch.Writer] = batch.CheckpointId;
            }
            foreach (var record in batch.Records)
                Write(record);
        }
    }

    /// <summary>The job ended: the caller reads what is buffered, then sees the end (or <paramref name="error"/>).</summary>
    public void Complete(Exception? error) => _channel.Writer.TryComplete(error);

    /// <summary>The caller stopped reading: waiting writers give up and later records are dropped.</summary>
    public void Close()
    {
        _closed.Cancel();
        _channel.Writer.TryComplete();
    }
}

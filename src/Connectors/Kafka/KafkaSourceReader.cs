using ActorStream.Graph;
using ActorStream.Graph.Sources;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// One subtask's reader of a <see cref="KafkaSource{T}"/>: assigns itself its partitions (no group
/// membership), resolves where each starts, and emits records through one split output per partition.
/// It never blocks in <see cref="PollNext"/> waiting for records: a background long poll fills one
/// record ahead while the subtask waits (<see cref="WaitForAvailabilityAsync"/>). Partition discovery
/// runs in the background too; offsets are committed in the background once a checkpoint completes.
/// </summary>
internal sealed class KafkaSourceReader<T> : ISourceReader<T>
{
    private const long MaxBurst = 64;
    private static readonly TimeSpan LongPollTimeout = TimeSpan.FromMilliseconds(100);

    private readonly KafkaSourceOptions _options;
    private readonly IKafkaRecordDeserializer<T> _deserializer;
    private readonly SourceReaderContext _context;
    private readonly Dictionary<TopicPartition, KafkaPartitionPosition> _restored;
    private readonly RecordRateLimiter? _limiter;
    private readonly Dictionary<TopicPartition, PartitionReader> _partitions = [];
    private readonly SortedDictionary<long, List<TopicPartitionOffset>> _uncommitted = [];
    private readonly CancellationTokenSource _closing = new();
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private IAdminClient? _admin;
    private ConsumeResult<byte[]?, byte[]?>? _prefetched;
    private Exception? _backgroundFailure;
    private Task<IReadOnlyList<TopicPartition>>? _discovery;
    private Task _prefetch = Task.CompletedTask;
    private Task _commits = Task.CompletedTask;
    private long _nextDiscovery;
    private long _permits;
    private bool _waitingForPermits;
    private bool _unattached;
    private int _reading; // partitions assigned and not finished

    public KafkaSourceReader(KafkaSource<T> source, SourceReaderContext context, Dictionary<TopicPartition, KafkaPartitionPosition> restored,
        RecordRateLimiter? limiter)
    {
        _options = source.Options;
        _deserializer = source.Deserializer;
        _context = context;
        _restored = restored;
        _limiter = limiter;
    }

    private IConsumer<byte[]?, byte[]?> Consumer => _consumer!;

    private bool Owns(TopicPartition partition) => KafkaPartitionOwner.Of(partition.Topic, partition.Partition.Value, _context.Parallelism) == _context.SubtaskIndex;

    public InputStatus PollNext(ISourceOutput<T> output)
    {
        if (_backgroundFailure is { } failure)
            throw new KafkaSourceException($"Reading Kafka failed: {failure.Message}", failure);
        EnsureStarted();
        ApplyDiscovery();
        if (_unattached)
        {
            _unattached = false;
            foreach (var partition in _partitions.Values)
                partition.Output ??= partition.Finished ? null : output.ForSplit(partition.SplitId); // each partition watermarked on its own
        }
        if (_options.Bounded && _reading == 0) // a count, not a scan: this runs for every record
            return InputStatus.EndOfInput;
        if (_limiter is not null && _permits == 0 && (_permits = _limiter.Acquire(MaxBurst)) == 0)
        {
            _waitingForPermits = true;
            return InputStatus.NothingAvailable;
        }
        var record = _prefetched ?? Consumer.Consume(TimeSpan.Zero);
        _prefetched = null;
        if (record is null)
        {
            StartDiscoveryIfDue();
            return InputStatus.NothingAvailable;
        }
        Handle(record, output);
        return InputStatus.MoreAvailable;
    }

    public Task WaitForAvailabilityAsync(CancellationToken cancellationToken)
    {
        if (_waitingForPermits)
        {
            _waitingForPermits = false;
            return _limiter!.WaitForNextAsync(cancellationToken);
        }
        return _prefetch = Task.Run(() => PollAhead(cancellationToken), CancellationToken.None);
    }

    /// <summary>
    /// Watermark alignment: librdkafka stops fetching the paused partitions (and drops what it fetched of them ahead)
    /// and fetches the resumed ones from where they stopped. A record of a paused partition that was already handed
    /// over to this reader may still come: the overshoot Flink has too.
    /// </summary>
    public bool PauseOrResumeSplits(IReadOnlyCollection<string> toPause, IReadOnlyCollection<string> toResume)
    {
        if (_consumer is null)
            return true; // no partition is assigned yet, so none reports a watermark to pause
        if (PartitionsOf(toPause) is { Count: > 0 } pause)
            _consumer.Pause(pause);
        if (PartitionsOf(toResume) is { Count: > 0 } resume)
            _consumer.Resume(resume);
        return true;
    }

    /// <summary>The partitions this subtask owns, once it started (null before: the first poll assigns them).</summary>
    public int? AssignedSplits => _consumer is null ? null : _partitions.Count;

    public byte[] SnapshotState(long checkpointId)
    {
        EnsureStarted(); // a checkpoint before the first poll keeps the resolved starting offsets, not "latest" to resolve again
        var positions = _partitions.Values.Select(p => p.Position).ToList();
        if (_options is { GroupId: not null, CommitOffsetsOnCheckpoint: true })
            _uncommitted[checkpointId] = positions.Where(p => p.Next >= 0).Select(p => new TopicPartitionOffset(p.Partition, p.Next)).ToList();
        return KafkaPartitionPositions.Write(positions);
    }

    public void NotifyCheckpointComplete(long checkpointId)
    {
        var due = _uncommitted.Keys.TakeWhile(id => id <= checkpointId).ToList();
        if (due.Count == 0 || _consumer is null)
            return;
        var offsets = _uncommitted[due[^1]];
        foreach (var id in due)
            _uncommitted.Remove(id);
        if (offsets.Count > 0)
            _commits = _commits.ContinueWith(_ => CommitQuietly(offsets), TaskScheduler.Default);
    }

    /// <summary>
    /// The consumer's lag: over the partitions being read, the high watermark seen by the last fetch (librdkafka's
    /// cache, no broker call) minus the next offset to read, capped at the bounded end; null until every one of them
    /// was fetched once (a partial sum would read as a lag that is too small).
    /// </summary>
    public long? PendingRecords
    {
        get
        {
            if (_consumer is null)
                return null;
            long pending = 0;
            foreach (var partition in _partitions.Values)
            {
                if (partition.Finished)
                    continue;
                var cached = _consumer.GetWatermarkOffsets(partition.Partition);
                // Not read yet from "earliest": everything from the low watermark on; from "latest": nothing yet.
                var next = partition.Next == Offset.Beginning.Value ? cached.Low.Value : partition.Next == Offset.End.Value ? cached.High.Value : partition.Next;
                if (cached.High == Offset.Unset || next < 0)
                    return null;
                var end = partition.Stop is { } stop ? Math.Min(stop, cached.High.Value) : cached.High.Value;
                pending += Math.Max(0, end - next);
            }
            return pending;
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        Task.WaitAll([_prefetch.ContinueWith(_ => { }), _commits], TimeSpan.FromSeconds(5));
        _consumer?.Dispose();
        _admin?.Dispose();
        _closing.Dispose();
    }

    private void EnsureStarted()
    {
        if (_consumer is not null)
            return;
        _consumer = KafkaClients.Consumer(_options.ConsumerConfig(_context.SubtaskIndex), _options.StatisticsHandler);
        _admin = KafkaClients.Admin(_options.BootstrapServers, _options.Properties);
        IEnumerable<TopicPartition> partitions = _options.Bounded && _context.IsRestored
            ? _restored.Keys // a bounded run reads what it started with, no more
            : FetchPartitions(firstStart: true).Concat(_restored.Keys.Where(p => _options.Reads(p.Topic)));
        Add(partitions.Distinct().Where(Owns).ToList(), firstStart: true);
        ScheduleDiscovery();
    }

    /// <summary>Starts reading <paramref name="partitions"/> where the checkpoint, the starting offsets or (found later) the beginning say.</summary>
    private void Add(IReadOnlyList<TopicPartition> partitions, bool firstStart)
    {
        var fresh = partitions.Where(p => !_restored.ContainsKey(p)).ToList();
        var starts = firstStart && !_context.IsRestored
            ? ResolveStart(fresh)
            : fresh.ToDictionary(p => p, _ => Offset.Beginning.Value); // found after the start: read it all, as Flink does
        var assign = new List<TopicPartitionOffset>();
        foreach (var partition in partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value))
        {
            var position = _restored.TryGetValue(partition, out var restored)
                ? restored
                : new KafkaPartitionPosition(partition, starts[partition], _options.Bounded ? EndOffset(partition) : null);
            var reader = new PartitionReader(position) { Finished = position.IsFinished };
            _partitions.Add(partition, reader);
            _unattached = true;
            if (!reader.Finished)
            {
                _reading++;
                assign.Add(new TopicPartitionOffset(partition, position.Next));
            }
        }
        if (assign.Count > 0)
            Consumer.IncrementalAssign(assign);
    }

    private Dictionary<TopicPartition, long> ResolveStart(List<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
            return [];
        var offsets = _options.StartingOffsets;
        if (offsets is KafkaStartingOffsets.CommittedOffsets committed)
        {
            var found = Consumer.Committed(partitions, _options.RequestTimeout).ToDictionary(o => o.TopicPartition, o => o.Offset.Value);
            var fallback = committed.Fallback is KafkaStartingOffsets.LatestOffsets;
            return partitions.ToDictionary(p => p, p => found.GetValueOrDefault(p, -1) is var o && o >= 0 ? o
                : fallback ? EndOffset(p) : Offset.Beginning.Value);
        }
        if (offsets is KafkaStartingOffsets.TimestampOffsets at)
        {
            var found = Consumer.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, new Timestamp(at.EpochMilliseconds, TimestampType.CreateTime))),
                _options.RequestTimeout).ToDictionary(o => o.TopicPartition, o => o.Offset.Value);
            return partitions.ToDictionary(p => p, p => found.GetValueOrDefault(p, -1) is var o && o >= 0 ? o : EndOffset(p));
        }
        return partitions.ToDictionary(p => p, p => offsets is KafkaStartingOffsets.LatestOffsets ? EndOffset(p) : Offset.Beginning.Value);
    }

    /// <summary>The partition's end now: the last stable offset under read_committed, else the high watermark.</summary>
    private long EndOffset(TopicPartition partition) => Consumer.QueryWatermarkOffsets(partition, _options.RequestTimeout).High.Value;

    private void Handle(ConsumeResult<byte[]?, byte[]?> record, ISourceOutput<T> output)
    {
        if (!_partitions.TryGetValue(record.TopicPartition, out var partition) || partition.Finished)
            return; // fetched before the partition finished
        var offset = record.Offset.Value;
        if (record.IsPartitionEOF || (partition.Stop is { } stop && offset >= stop))
        {
            // At the end, or past the stop: a transaction's commit marker can take the last offset before it.
            if (partition.Stop is { } end && offset >= end)
                Finish(partition, output);
            return;
        }
        partition.Next = offset + 1;
        if (_limiter is not null)
            _permits--;
        var timestamp = record.Message.Timestamp;
        if (_deserializer.TryDeserialize(record, out var value, out var error))
        {
            if (timestamp.Type == TimestampType.NotAvailable)
                partition.Output!.Collect(value);
            else
                partition.Output!.Collect(value, timestamp.UnixTimestampMs);
        }
        else
        {
            output.CollectSide(KafkaSource.Malformed,
                new KafkaDeadLetter(record.Topic, record.Partition.Value, offset, KafkaDeserializers.TextOf(record.Message.Value), error),
                timestamp.Type == TimestampType.NotAvailable ? long.MinValue : timestamp.UnixTimestampMs);
        }
        if (partition.Stop is { } last && partition.Next >= last)
            Finish(partition, output);
    }

    private void Finish(PartitionReader partition, ISourceOutput<T> output)
    {
        partition.Finished = true;
        _reading--;
        Consumer.IncrementalUnassign([partition.Partition]);
        output.ReleaseSplit(partition.SplitId);
    }

    private void PollAhead(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_closing.IsCancellationRequested)
            {
                if (Consumer.Consume(LongPollTimeout) is { } record)
                {
                    _prefetched = record;
                    return;
                }
                if (_discovery is { IsCompleted: true } || DiscoveryDue)
                    return;
            }
        }
        catch (Exception e) when (e is KafkaException or ObjectDisposedException)
        {
            _backgroundFailure = e;
        }
    }

    private bool DiscoveryDue =>
        !_options.Bounded && _options.PartitionDiscoveryInterval > TimeSpan.Zero && _discovery is null && Environment.TickCount64 >= _nextDiscovery;

    private List<TopicPartition> PartitionsOf(IReadOnlyCollection<string> splitIds) =>
        splitIds.Count == 0 ? [] : [.. _partitions.Values.Where(p => !p.Finished && splitIds.Contains(p.SplitId)).Select(p => p.Partition)];

    private void ScheduleDiscovery() => _nextDiscovery = Environment.TickCount64 + (long)_options.PartitionDiscoveryInterval.TotalMilliseconds;

    private void StartDiscoveryIfDue()
    {
        if (DiscoveryDue)
            _discovery = Task.Run(() => FetchPartitions(firstStart: false));
    }

    private void ApplyDiscovery()
    {
        if (_discovery is not { IsCompleted: true } done)
            return;
        _discovery = null;
        ScheduleDiscovery();
        if (done.IsCompletedSuccessfully) // a failed discovery is tried again at the next interval
            Add(done.Result.Where(p => Owns(p) && !_partitions.ContainsKey(p)).ToList(), firstStart: false);
    }

    /// <summary>The partitions of the topics this source reads; at the first start a listed topic must exist.</summary>
    private IReadOnlyList<TopicPartition> FetchPartitions(bool firstStart)
    {
        // All topics: asking for one by name lets a broker with auto-creation create it.
        var metadata = _admin!.GetMetadata(_options.RequestTimeout);
        var topics = metadata.Topics.Where(t => _options.Reads(t.Topic) && t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0).ToList();
        if (firstStart && _options.TopicPattern is null)
        {
            var missing = _options.Topics.Except(topics.Select(t => t.Topic), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                throw new KafkaSourceException(
                    $"Topic(s) {string.Join(", ", missing.Select(t => $"'{t}'"))} do not exist on {_options.BootstrapServers}: create them, or fix KafkaSourceOptions.Topics.");
        }
        return topics.SelectMany(t => t.Partitions.Select(p => new TopicPartition(t.Topic, p.PartitionId))).ToList();
    }

    private void CommitQuietly(List<TopicPartitionOffset> offsets)
    {
        try
        {
            Consumer.Commit(offsets);
        }
        catch (Exception e) when (e is KafkaException or ObjectDisposedException)
        {
            // The commit is for monitoring only (positions live in checkpoints); the next checkpoint commits again.
        }
    }

    /// <summary>A partition being read: where it is and its own watermarked output.</summary>
    private sealed class PartitionReader(KafkaPartitionPosition position)
    {
        public TopicPartition Partition { get; } = position.Partition;

        public string SplitId => $"{Partition.Topic}-{Partition.Partition.Value}";

        public long Next { get; set; } = position.Next;

        public long? Stop { get; } = position.Stop;

        public bool Finished { get; set; }

        /// <summary>The partition's own output, attached at the first poll after it was added.</summary>
        public ISourceOutput<T>? Output { get; set; }

        public KafkaPartitionPosition Position => new(Partition, Next, Stop);
    }
}

/// <summary>A Kafka source cannot read: a missing topic, unreachable brokers, a failed fetch.</summary>
public sealed class KafkaSourceException(string message, Exception? inner = null) : Exception(message, inner);

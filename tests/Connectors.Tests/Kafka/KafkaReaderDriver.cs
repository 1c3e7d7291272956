using ActorStream.Connectors.Kafka;
using ActorStream.Graph;
using Confluent.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

/// <summary>Drives one Kafka source reader like a subtask does: polls, waits when told to, and records what it emits, by split.</summary>
internal sealed class KafkaReaderDriver<T> : ISourceOutput<T>, IDisposable
{
    private readonly ISourceReader<T> _reader;

    public KafkaReaderDriver(ISource<T> source, int subtask, int parallelism, IReadOnlyList<byte[]>? restored = null)
    {
        _reader = source.CreateReader(new SourceReaderContext(subtask, parallelism, TimeProvider.System) { RestoredState = restored ?? [] });
    }

    public List<T> Values { get; } = [];

    /// <summary>Each value with the split (topic-partition) it came through.</summary>
    public List<(string Split, T Value, long Timestamp)> BySplit { get; } = [];

    public List<KafkaDeadLetter> Malformed { get; } = [];

    public List<string> Released { get; } = [];

    public bool Ended { get; private set; }

    /// <summary>Reads until <paramref name="count"/> values in total, the end of input, or the timeout.</summary>
    public async Task ReadAsync(int count = int.MaxValue, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (Values.Count + Malformed.Count < count && !Ended && !cancel.IsCancellationRequested)
        {
            switch (_reader.PollNext(this))
            {
                case InputStatus.EndOfInput:
                    Ended = true;
                    break;
                case InputStatus.NothingAvailable:
                    try
                    {
                        await _reader.WaitForAvailabilityAsync(cancel.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    break;
            }
        }
    }

    /// <summary>The reader's lag, as the subtask's metrics read it.</summary>
    public long? PendingRecords => _reader.PendingRecords;

    /// <summary>Pauses and resumes splits, as watermark alignment does.</summary>
    public bool PauseOrResume(IReadOnlyCollection<string> pause, IReadOnlyCollection<string> resume) => _reader.PauseOrResumeSplits(pause, resume);

    public byte[] Snapshot(long checkpointId) => _reader.SnapshotState(checkpointId);

    public void Complete(long checkpointId) => _reader.NotifyCheckpointComplete(checkpointId);

    public void Collect(T value) => Collect(value, long.MinValue);

    public void Collect(T value, long timestamp) => throw new InvalidOperationException("A Kafka reader must emit through its partitions' split outputs.");

    public ISourceOutput<T> ForSplit(string splitId) => new Split(this, splitId);

    public void ReleaseSplit(string splitId) => Released.Add(splitId);

    public void CollectSide<TSide>(OutputTag<TSide> tag, TSide value, long timestamp)
    {
        Assert.Same(KafkaSource.Malformed, tag);
        Malformed.Add((KafkaDeadLetter)(object)value!);
    }

    public void Dispose() => _reader.Dispose();

    private sealed class Split(KafkaReaderDriver<T> driver, string id) : ISourceOutput<T>
    {
        public void Collect(T value) => Collect(value, long.MinValue);

        public void Collect(T value, long timestamp)
        {
            driver.Values.Add(value);
            driver.BySplit.Add((id, value, timestamp));
        }

        public ISourceOutput<T> ForSplit(string splitId) => driver.ForSplit(splitId);

        public void ReleaseSplit(string splitId) => driver.ReleaseSplit(splitId);

        public void CollectSide<TSide>(OutputTag<TSide> tag, TSide value, long timestamp) => driver.CollectSide(tag, value, timestamp);
    }
}

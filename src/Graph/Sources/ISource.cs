namespace ActorStream.Graph;

/// <summary>Whether a source ends.</summary>
public enum Boundedness
{
    /// <summary>The source ends after a finite input.</summary>
    Bounded,

    /// <summary>The source runs until the job is stopped.</summary>
    ContinuousUnbounded,
}

/// <summary>
/// A parallel source. Each subtask creates one reader and reads its own share of the input
/// (its splits), decided deterministically from its index and the parallelism.
/// </summary>
public interface ISource<out T>
{
    /// <summary>Whether the source ends.</summary>
    Boundedness Boundedness { get; }

    /// <summary>The largest parallelism that makes sense (e.g. 1 for a collection), or null for any.</summary>
    int? MaxParallelism => null;

    /// <summary>Creates the reader of one subtask.</summary>
    ISourceReader<T> CreateReader(SourceReaderContext context);
}

/// <summary>What a reader reports after a poll.</summary>
public enum InputStatus
{
    /// <summary>Poll again right away.</summary>
    MoreAvailable,

    /// <summary>Nothing now: wait for <see cref="ISourceReader{T}.WaitForAvailabilityAsync"/>.</summary>
    NothingAvailable,

    /// <summary>This reader's input has ended.</summary>
    EndOfInput,
}

/// <summary>
/// Reads one subtask's share of a source. Called from one thread at a time. A replayable reader
/// resumes from <see cref="SourceReaderContext.RestoredState"/> exactly after the last record it
/// emitted before the snapshot.
/// </summary>
public interface ISourceReader<out T> : IDisposable
{
    /// <summary>Emits the next few records (typically one) into <paramref name="output"/>.</summary>
    InputStatus PollNext(ISourceOutput<T> output);

    /// <summary>Completes when polling may yield records again after <see cref="InputStatus.NothingAvailable"/>.</summary>
    Task WaitForAvailabilityAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The reader's position at checkpoint <paramref name="checkpointId"/>, taken between polls: its
    /// splits and their offsets after every record emitted so far, including finished splits.
    /// </summary>
    byte[] SnapshotState(long checkpointId);

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed, e.g. to commit offsets to an external system.</summary>
    void NotifyCheckpointComplete(long checkpointId) { }

    /// <summary>
    /// Records available in the external system that the reader has not read yet (Flink's pendingRecords, e.g. a
    /// Kafka consumer's lag), or null when the reader cannot tell. Asked between polls, so it must be cheap.
    /// </summary>
    long? PendingRecords => null;

    /// <summary>
    /// How many splits (files, partitions, index ranges) this reader owns now, or null when it cannot tell. A
    /// streaming source subtask whose reader owns none marks itself idle at once, so it does not hold event time
    /// back downstream, and active again when a split arrives (Flink marks a reader without splits idle). Asked
    /// after polls that found nothing and at every periodic watermark, so it must be cheap.
    /// </summary>
    int? AssignedSplits => null;

    /// <summary>
    /// Watermark alignment: stop reading the splits <paramref name="toPause"/> and read <paramref name="toResume"/>
    /// again (split ids as given to <see cref="ISourceOutput{T}.ForSplit"/>), like Flink's pauseOrResumeSplits.
    /// Returns false when the reader cannot pause single splits: it is then aligned only as a whole subtask.
    /// </summary>
    bool PauseOrResumeSplits(IReadOnlyCollection<string> toPause, IReadOnlyCollection<string> toResume) => false;
}

/// <summary>Receives what a source reader reads.</summary>
public interface ISourceOutput<in T>
{
    /// <summary>Emits a record without a source timestamp.</summary>
    void Collect(T value);

    /// <summary>Emits a record with the source's timestamp (e.g. a Kafka record timestamp).</summary>
    void Collect(T value, long timestamp);

    /// <summary>
    /// An output for one split (a file, a Kafka partition) with its own watermark generator; the
    /// source's watermark is then the minimum over its active splits, so a split that lags holds
    /// event time back only as far as it must (Flink's ReaderOutput.createOutputForSplit).
    /// </summary>
    ISourceOutput<T> ForSplit(string splitId) => this;

    /// <summary>The split is finished: its watermark no longer holds the source back.</summary>
    void ReleaseSplit(string splitId) { }

    /// <summary>
    /// Emits <paramref name="value"/> to the side output <paramref name="tag"/> (e.g. a record that does
    /// not deserialize), read with <c>GetSideOutput</c> on the source's stream.
    /// </summary>
    void CollectSide<TSide>(OutputTag<TSide> tag, TSide value, long timestamp) =>
        throw new NotSupportedException($"This source output has no side outputs (asked for '{tag.Id}').");
}

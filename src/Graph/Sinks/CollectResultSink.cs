using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Sinks;

/// <summary>
/// The sink of a collected stream: every subtask writes into one <see cref="CollectBuffer{T}"/> in this process.
/// Without checkpointing a record enters the buffer as it is written. With checkpointing each writer holds its records
/// until the checkpoint after them completes (they travel in that checkpoint as committables), so a restore neither
/// repeats nor loses a record the caller saw (Flink's checkpointed collect).
/// </summary>
internal sealed class CollectResultSink<T>(CollectBuffer<T> buffer) : ITwoPhaseCommitSink<T, CollectBatch<T>>
{
    /// <inheritdoc />
    public ITypeSerializer<CollectBatch<T>> CommittableSerializer => CollectBatchSerializer<T>.Instance;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context)
    {
        buffer.CheckSubmitted(context);
        return new DirectWriter(buffer);
    }

    /// <inheritdoc />
    public ITwoPhaseCommitWriter<T, CollectBatch<T>> CreateWriter(SinkContext context, TwoPhaseCommitRestore<CollectBatch<T>> restore)
    {
        buffer.CheckSubmitted(context);
        return new CheckpointedWriter(context.SubtaskIndex);
    }

    /// <inheritdoc />
    public ICommitter<CollectBatch<T>> CreateCommitter(SinkContext context) => new Committer(buffer);

    /// <summary>A writer's batches are released by one subtask, in checkpoint order.</summary>
    public int? WriterOf(CollectBatch<T> committable) => committable.Subtask;

    private sealed class DirectWriter(CollectBuffer<T> buffer) : ISinkWriter<T>
    {
        public void Write(T value, long timestamp) => buffer.Write(value);

        public void Flush(bool endOfInput) { }

        public void Dispose() { }
    }

    private sealed class CheckpointedWriter(int subtask) : ITwoPhaseCommitWriter<T, CollectBatch<T>>
    {
        private readonly Guid _id = Guid.NewGuid();
        private List<T> _pending = [];

        public void Write(T value, long timestamp) => _pending.Add(value);

        public IReadOnlyList<CollectBatch<T>> PrepareCommit(long checkpointId)
        {
            if (_pending.Count == 0)
                return [];
            var batch = new CollectBatch<T>(_id, subtask, checkpointId, _pending);
            _pending = [];
            return [batch];
        }

        public void Flush(bool endOfInput) { }

        public void Dispose() => _pending = [];
    }

    private sealed class Committer(CollectBuffer<T> buffer) : ICommitter<CollectBatch<T>>
    {
        public void Commit(IReadOnlyList<CollectBatch<T>> committables) => buffer.Release(committables);

        public void Dispose() { }
    }
}

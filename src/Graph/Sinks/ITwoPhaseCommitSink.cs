using ActorStream.Graph.Serialization;

namespace ActorStream.Graph;

/// <summary>
/// A sink whose output becomes visible only when a checkpoint completes, for end-to-end exactly-once
/// (Flink's TwoPhaseCommitSink): with checkpointing, the sink operator writes through
/// <see cref="CreateWriter(SinkContext, TwoPhaseCommitRestore{TCommittable})"/>, prepares the
/// writer's open transaction at each checkpoint barrier, keeps the committables in its checkpointed
/// state, and commits them when the checkpoint completes, and again after a restore. Without
/// checkpointing the plain <see cref="ISink{T}.CreateWriter"/> is used as for any sink.
/// </summary>
public interface ITwoPhaseCommitSink<in T, TCommittable> : ISink<T>
{
    /// <summary>Writes the committables into checkpoints.</summary>
    ITypeSerializer<TCommittable> CommittableSerializer { get; }

    /// <summary>
    /// Creates the writer of one subtask when checkpointing is on (or the run is restored), given what
    /// the previous run left: the union of its writers' states and all its pending committables.
    /// </summary>
    ITwoPhaseCommitWriter<T, TCommittable> CreateWriter(SinkContext context, TwoPhaseCommitRestore<TCommittable> restore);

    /// <summary>Creates the committer of one subtask.</summary>
    ICommitter<TCommittable> CreateCommitter(SinkContext context);

    /// <summary>
    /// The subtask whose writer prepared <paramref name="committable"/>, or null (the default). A restore
    /// commits a committable that has one in subtask (writer mod parallelism), so that one subtask commits
    /// all of a writer's committables in order (e.g. through the writer's one Kafka transactional id);
    /// the others are spread evenly.
    /// </summary>
    int? WriterOf(TCommittable committable) => null;
}

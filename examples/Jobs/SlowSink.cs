using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Examples;

/// <summary>
/// Test aid <c>--slow-sink-ms MS</c>: the job's main sink takes MS milliseconds per record, as a sink stuck
/// behind a slow database would, so that the upstream vertices show back-pressure in the REST API, the
/// dashboard and the metrics. Everything else about the sink (its transactions, its guarantees) is unchanged.
/// </summary>
public static class SlowSink
{
    /// <summary>The option.</summary>
    public static readonly JobOption Option = new("slow-sink-ms",
        "Test aid: the main sink takes this many milliseconds per record, to watch back-pressure build up upstream.");

    /// <summary><paramref name="sink"/> slowed down as <paramref name="parameters"/> ask, or as it is.</summary>
    public static ITwoPhaseCommitSink<T, TCommittable> Of<T, TCommittable>(ITwoPhaseCommitSink<T, TCommittable> sink, JobParameters parameters)
    {
        if (parameters.GetOptionalLong(Option.Name) is not { } millis)
            return sink;
        return millis is >= 1 and <= 60_000 ? new Slowed<T, TCommittable>(sink, TimeSpan.FromMilliseconds(millis))
            : throw new JobParameterException(Option.Name, $"'{millis}' must be from 1 to 60000 milliseconds.");
    }

    private sealed class Slowed<T, TCommittable>(ITwoPhaseCommitSink<T, TCommittable> inner, TimeSpan delay) : ITwoPhaseCommitSink<T, TCommittable>
    {
        public ITypeSerializer<TCommittable> CommittableSerializer => inner.CommittableSerializer;

        public ISinkWriter<T> CreateWriter(SinkContext context) => new PlainWriter(inner.CreateWriter(context), delay);

        public ITwoPhaseCommitWriter<T, TCommittable> CreateWriter(SinkContext context, TwoPhaseCommitRestore<TCommittable> restore) =>
            new Writer(inner.CreateWriter(context, restore), delay);

        public ICommitter<TCommittable> CreateCommitter(SinkContext context) => inner.CreateCommitter(context);

        public int? WriterOf(TCommittable committable) => inner.WriterOf(committable);

        private class PlainWriter(ISinkWriter<T> writer, TimeSpan delay) : ISinkWriter<T>
        {
            public void Write(T value, long timestamp)
            {
                Thread.Sleep(delay); // blocks the subtask, as a slow external system does
                writer.Write(value, timestamp);
            }

            public void Flush(bool endOfInput) => writer.Flush(endOfInput);

            public void Dispose() => writer.Dispose();
        }

        private sealed class Writer(ITwoPhaseCommitWriter<T, TCommittable> writer, TimeSpan delay)
            : PlainWriter(writer, delay), ITwoPhaseCommitWriter<T, TCommittable>
        {
            public IReadOnlyList<TCommittable> PrepareCommit(long checkpointId) => writer.PrepareCommit(checkpointId);

            public byte[]? SnapshotState(long checkpointId) => writer.SnapshotState(checkpointId);
        }
    }
}

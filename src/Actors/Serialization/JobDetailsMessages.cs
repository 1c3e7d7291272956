using ActorStream.Actors.JobMaster;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of a job's details (<see cref="GetJobDetails"/> and <see cref="JobDetails"/>), which the REST API asks any node for.</summary>
internal static class JobDetailsMessages
{
    /// <summary>Adds the job details request and answer to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddJobDetails(this MessageCodecs codecs) => codecs
        .AddSingleton("GJD", GetJobDetails.Instance)
        .Add<JobDetails>("JD",
            static (w, m) =>
            {
                JobMasterMessages.WriteProgress(w, m.Progress);
                w.WriteList(m.Vertices, WriteVertex);
                w.WriteList(m.Checkpoints, WriteCheckpointStats);
                w.WriteList(m.Exceptions, WriteException);
                w.Write(m.Restored is not null);
                if (m.Restored is { } restored)
                {
                    w.WriteVarLong(restored.Id);
                    w.WriteRequiredString(restored.Pointer);
                    w.Write(restored.IsSavepoint);
                    w.WriteVarLong(restored.RestoredAt);
                }
                w.WriteVarInt(m.Restores);
            },
            static r => new JobDetails(JobMasterMessages.ReadProgress(r), r.ReadList(ReadVertex), r.ReadList(ReadCheckpointStats), r.ReadList(ReadException))
            {
                Restored = r.ReadBoolean() ? new RestoredCheckpoint(r.ReadVarLong(), r.ReadRequiredString(), r.ReadBoolean(), r.ReadVarLong()) : null,
                Restores = r.ReadVarInt(),
            });

    private static void WriteException(WireWriter writer, JobException exception)
    {
        writer.WriteVarLong(exception.Timestamp);
        writer.WriteRequiredString(exception.ExceptionName);
        writer.WriteRequiredString(exception.Text);
        writer.WriteNullableString(exception.OperatorName);
        writer.WriteVarInt(exception.SubtaskIndex ?? -1);
        writer.WriteNullableString(exception.Node);
    }

    private static JobException ReadException(WireReader reader) =>
        new(reader.ReadVarLong(), reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadNullableString(),
            reader.ReadVarInt() is var index && index >= 0 ? index : null, reader.ReadNullableString());

    private static void WriteCheckpointStats(WireWriter writer, CheckpointStats stats)
    {
        writer.WriteVarLong(stats.Id);
        writer.Write(stats.IsSavepoint);
        writer.Write(stats.Completed);
        writer.WriteVarLong(stats.TriggeredAt);
        writer.WriteVarLong(stats.DurationMs);
        writer.WriteVarLong(stats.StateBytes);
        writer.WriteNullableString(stats.FailureReason);
        writer.WriteVarLong(stats.AlignmentMs);
    }

    private static CheckpointStats ReadCheckpointStats(WireReader reader) =>
        new(reader.ReadVarLong(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadVarLong(), reader.ReadVarLong(), reader.ReadVarLong(),
            reader.ReadNullableString()) { AlignmentMs = reader.ReadVarLong() };

    private static void WriteVertex(WireWriter writer, VertexDetails vertex)
    {
        writer.WriteRequiredString(vertex.Id);
        writer.WriteRequiredString(vertex.Name);
        writer.WriteVarInt(vertex.Parallelism);
        writer.WriteList(vertex.Inputs, static (w, id) => w.WriteRequiredString(id));
        writer.WriteList(vertex.Subtasks, static (w, s) => { w.WriteVarInt(s.Index); w.WriteRequiredString(s.Node); JobMasterMessages.WriteMetrics(w, s.Metrics); });
    }

    private static VertexDetails ReadVertex(WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadVarInt(),
            reader.ReadList(static r => r.ReadRequiredString()),
            reader.ReadList(static r => new SubtaskDetails(r.ReadVarInt(), r.ReadRequiredString(), JobMasterMessages.ReadMetrics(r))));
}

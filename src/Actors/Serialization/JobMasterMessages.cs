using ActorStream.Actors.Checkpointing;
using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the messages to a job master (<see cref="IJobMasterMessage"/>) and of its replies and outcomes.</summary>
internal static class JobMasterMessages
{
    /// <summary>Adds the job master's messages, replies and outcomes to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddJobMaster(this MessageCodecs codecs) => codecs
        .Add<SubmitJob>("SJ",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteSpec(m.Spec); w.WriteActorRef(m.ResultListener); },
            static r => new SubmitJob(r.ReadRequiredString(), r.ReadSpec(), r.ReadActorRef()))
        .Add<JobAccepted>("JA",
            static (w, m) => w.WriteRequiredString(m.JobId),
            static r => new JobAccepted(r.ReadRequiredString()))
        .Add<JobRejected>("JR",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteRequiredString(m.Reason); },
            static r => new JobRejected(r.ReadRequiredString(), r.ReadRequiredString()))
        .Add<UnknownJob>("UJ",
            static (w, m) => w.WriteRequiredString(m.JobId),
            static r => new UnknownJob(r.ReadRequiredString()))
        .Add<SubtaskRegistered>("SR",
            static (w, m) => { WriteSubtask(w, m.VertexId, m.SubtaskIndex); w.WriteVarInt(m.Attempt); w.WriteActorRef(m.Subtask); },
            static r => new SubtaskRegistered(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarInt(), r.ReadActorRef()))
        .Add<SubtaskDeployFailed>("SDF",
            static (w, m) => { WriteSubtask(w, m.VertexId, m.SubtaskIndex); w.WriteRequiredString(m.Reason); w.Write(m.Retriable); },
            static r => new SubtaskDeployFailed(r.ReadRequiredString(), r.ReadVarInt(), r.ReadRequiredString(), r.ReadBoolean()))
        .Add<SubtaskMetrics>("SM", WriteMetrics, ReadMetrics)
        .Add<SubtaskFinished>("SF",
            static (w, m) => WriteMetrics(w, m.Metrics),
            static r => new SubtaskFinished(ReadMetrics(r)))
        .Add<SubtaskFailed>("SX",
            static (w, m) => { WriteSubtask(w, m.VertexId, m.SubtaskIndex); w.WriteRequiredString(m.OperatorName); w.WriteFailure(m.Cause); },
            static r => new SubtaskFailed(r.ReadRequiredString(), r.ReadVarInt(), r.ReadRequiredString(), RequiredFailure(r)))
        .Add<SubtaskCancelled>("SC",
            static (w, m) => WriteSubtask(w, m.VertexId, m.SubtaskIndex),
            static r => new SubtaskCancelled(r.ReadRequiredString(), r.ReadVarInt()))
        .AddSingleton("GJP", GetJobProgress.Instance)
        .AddSingleton("SPJ", StopJob.Instance)
        .AddSingleton("CJ", CancelJob.Instance)
        .Add<TriggerSavepoint>("TS",
            static (w, m) => w.Write(m.StopAfter),
            static r => new TriggerSavepoint(r.ReadBoolean()))
        .Add<SavepointTaken>("ST",
            static (w, m) => w.WriteRequiredString(m.Pointer),
            static r => new SavepointTaken(r.ReadRequiredString()))
        .Add<AcknowledgeCheckpoint>("AC",
            static (w, m) =>
            {
                WriteSubtask(w, m.VertexId, m.SubtaskIndex);
                w.WriteVarLong(m.CheckpointId);
                w.WriteSubtaskState(m.State);
                w.WriteVarLong(m.AlignmentMs);
            },
            static r => new AcknowledgeCheckpoint(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarLong(), r.ReadSubtaskState())
            {
                AlignmentMs = r.ReadVarLong(),
            })
        .Add<DeclineCheckpoint>("DC",
            static (w, m) => { WriteSubtask(w, m.VertexId, m.SubtaskIndex); w.WriteVarLong(m.CheckpointId); w.WriteRequiredString(m.Reason); },
            static r => new DeclineCheckpoint(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarLong(), r.ReadRequiredString()))
        .Add<ReportSourceWatermark>("RSW",
            static (w, m) => { w.WriteRequiredString(m.Group); WriteSubtask(w, m.VertexId, m.SubtaskIndex); w.Write(m.Watermark); },
            static r => new ReportSourceWatermark(r.ReadRequiredString(), r.ReadRequiredString(), r.ReadVarInt(), r.ReadInt64()))
        .Add<SourceExhausted>("SE",
            static (w, m) => WriteSubtask(w, m.VertexId, m.SubtaskIndex),
            static r => new SourceExhausted(r.ReadRequiredString(), r.ReadVarInt()))
        .Add<JobSucceeded>("JS",
            static (w, m) => WriteResult(w, m.Result),
            static r => new JobSucceeded(ReadResult(r)))
        .Add<JobEnded>("JE",
            static (w, m) => { WriteStatus(w, m.Status); w.WriteFailure(m.Error); },
            static r => new JobEnded(ReadStatus(r), RequiredFailure(r)))
        .Add<JobProgress>("JP", WriteProgress, ReadProgress);

    private static void WriteSubtask(WireWriter writer, string vertexId, int subtaskIndex)
    {
        writer.WriteRequiredString(vertexId);
        writer.WriteVarInt(subtaskIndex);
    }

    private static void WriteCounters(WireWriter writer, IReadOnlyDictionary<string, long> counters) =>
        writer.WriteMap(counters, static (w, value) => w.WriteVarLong(value));

    private static Dictionary<string, long> ReadCounters(WireReader reader) => reader.ReadMap(static r => r.ReadVarLong());

    internal static void WriteMetrics(WireWriter writer, SubtaskMetrics metrics)
    {
        WriteSubtask(writer, metrics.VertexId, metrics.SubtaskIndex);
        writer.WriteVarLong(metrics.RecordsIn);
        writer.WriteVarLong(metrics.RecordsOut);
        WriteCounters(writer, metrics.Counters);
        writer.WriteVarLong(metrics.RecordsSent);
        writer.WriteVarInt(metrics.Load.BusyMsPerSecond);
        writer.WriteVarInt(metrics.Load.BackPressuredMsPerSecond);
        writer.WriteVarInt(metrics.Load.IdleMsPerSecond);
        writer.WriteVarLong(metrics.InputWatermark);
        writer.WriteVarLong(metrics.OutputWatermark);
        writer.WriteVarLong(metrics.BytesReceived);
        writer.WriteVarLong(metrics.BytesSent);
        writer.WriteVarLong(metrics.PendingRecords);
    }

    internal static SubtaskMetrics ReadMetrics(WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadVarInt(), reader.ReadVarLong(), reader.ReadVarLong(), ReadCounters(reader))
        {
            RecordsSent = reader.ReadVarLong(),
            Load = new SubtaskLoad(reader.ReadVarInt(), reader.ReadVarInt(), reader.ReadVarInt()),
            InputWatermark = reader.ReadVarLong(),
            OutputWatermark = reader.ReadVarLong(),
            BytesReceived = reader.ReadVarLong(),
            BytesSent = reader.ReadVarLong(),
            PendingRecords = reader.ReadVarLong(),
        };

    private static Exception RequiredFailure(WireReader reader) =>
        reader.ReadFailure() ?? throw new InvalidDataException("Corrupt data: a required exception is missing.");

    private static void WriteStatus(WireWriter writer, JobStatus status) => writer.Write((byte)status);

    internal static JobStatus ReadStatus(WireReader reader)
    {
        var status = (JobStatus)reader.ReadByte();
        return Enum.IsDefined(status) ? status : throw new InvalidDataException($"Corrupt data: unknown job status {(int)status}.");
    }

    private static void WriteResult(WireWriter writer, JobExecutionResult result)
    {
        writer.WriteRequiredString(result.JobId);
        writer.WriteRequiredString(result.JobName);
        writer.WriteTimeSpan(result.Duration);
        WriteCounters(writer, result.Counters);
        writer.WriteVarInt(result.CompletedCheckpoints);
        writer.WriteVarInt(result.Restarts);
        writer.WriteNullableString(result.LatestCheckpoint);
    }

    private static JobExecutionResult ReadResult(WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadTimeSpan(), ReadCounters(reader))
        {
            CompletedCheckpoints = reader.ReadVarInt(),
            Restarts = reader.ReadVarInt(),
            LatestCheckpoint = reader.ReadNullableString(),
        };

    internal static void WriteProgress(WireWriter writer, JobProgress progress)
    {
        WriteStatus(writer, progress.Status);
        writer.WriteTimeSpan(progress.Elapsed);
        writer.WriteVarLong(progress.RecordsIn);
        writer.WriteVarLong(progress.RecordsOut);
        WriteCounters(writer, progress.Counters);
        writer.WriteVarInt(progress.CompletedCheckpoints);
        writer.WriteVarInt(progress.FailedCheckpoints);
        writer.WriteNullableString(progress.LatestCheckpoint);
        writer.WriteVarInt(progress.Restarts);
        writer.WriteNullableString(progress.Failure);
    }

    internal static JobProgress ReadProgress(WireReader reader) =>
        new(ReadStatus(reader), reader.ReadTimeSpan(), reader.ReadVarLong(), reader.ReadVarLong(), ReadCounters(reader))
        {
            CompletedCheckpoints = reader.ReadVarInt(),
            FailedCheckpoints = reader.ReadVarInt(),
            LatestCheckpoint = reader.ReadNullableString(),
            Restarts = reader.ReadVarInt(),
            Failure = reader.ReadNullableString(),
        };
}

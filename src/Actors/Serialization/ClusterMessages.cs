using ActorStream.Actors.Cluster;
using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>The wire form of the cluster protocol: job specs, the slot manager's and the job gateway's messages.</summary>
internal static class ClusterMessages
{
    /// <summary>Adds the slot manager's and the gateway's messages to <paramref name="codecs"/>.</summary>
    public static MessageCodecs AddCluster(this MessageCodecs codecs) => codecs
        .Add<RequestSlots>("RQS",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteVarInt(m.Attempt); w.WriteVarInt(m.Count); },
            static r => new RequestSlots(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarInt()))
        .Add<SlotsGranted>("SG",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteVarInt(m.Attempt); w.WriteList(m.Nodes, static (w2, n) => w2.WriteRequiredString(n)); },
            static r => new SlotsGranted(r.ReadRequiredString(), r.ReadVarInt(), r.ReadList(static r2 => r2.ReadRequiredString())))
        .Add<SlotsUnavailable>("SU",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteVarInt(m.Attempt); w.WriteVarInt(m.Needed); w.WriteVarInt(m.Free); },
            static r => new SlotsUnavailable(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarInt(), r.ReadVarInt()))
        .Add<HoldSlots>("HS",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteVarInt(m.Attempt); w.WriteList(m.Nodes, static (w2, n) => w2.WriteRequiredString(n)); },
            static r => new HoldSlots(r.ReadRequiredString(), r.ReadVarInt(), r.ReadList(static r2 => r2.ReadRequiredString())))
        .Add<ReleaseSlots>("RLS",
            static (w, m) => w.WriteRequiredString(m.JobId),
            static r => new ReleaseSlots(r.ReadRequiredString()))
        .Add<GetSlotLocation>("GSL",
            static (w, m) => { w.WriteRequiredString(m.JobId); w.WriteVarInt(m.Attempt); w.WriteVarInt(m.Slot); },
            static r => new GetSlotLocation(r.ReadRequiredString(), r.ReadVarInt(), r.ReadVarInt()))
        .Add<SlotLocation>("SL",
            static (w, m) => w.WriteNullableString(m.Node),
            static r => new SlotLocation(r.ReadNullableString()))
        .AddSingleton("GCN", GetClusterNodes.Instance)
        .AddSingleton("DN", Akka.Done.Instance)
        .Add<ClusterNodes>("CN",
            static (w, m) => w.WriteList(m.Nodes, WriteNode),
            static r => new ClusterNodes(r.ReadList(ReadNode)))
        .Add<SubmitJobSpec>("SJS",
            static (w, m) => w.WriteSpec(m.Spec),
            static r => new SubmitJobSpec(r.ReadSpec()))
        .Add<ToJob>("TJ",
            static (w, m) =>
            {
                w.WriteRequiredString(m.JobId);
                w.WriteRequiredString(RuntimeSerializer.Codecs.ManifestOf(m.Command)
                    ?? throw new ArgumentException($"{m.Command.GetType().Name} is not a runtime message."));
                RuntimeSerializer.Codecs.TryWrite(w, m.Command);
            },
            static r => new ToJob(r.ReadRequiredString(), (IJobMasterMessage)RuntimeSerializer.Codecs.Read(r, r.ReadRequiredString())))
        .AddSingleton("LJ", ListJobs.Instance)
        .Add<JobList>("JL",
            static (w, m) => w.WriteList(m.Jobs, WriteSummary),
            static r => new JobList(r.ReadList(ReadSummary)))
        .Add<JobSummary>("JSM", WriteSummary, ReadSummary);

    /// <summary>Writes a job spec: name, arguments and fingerprint.</summary>
    public static void WriteSpec(this WireWriter writer, JobSpec spec)
    {
        writer.WriteRequiredString(spec.JobName);
        writer.WriteMap(spec.Arguments, static (w, value) => w.WriteRequiredString(value));
        writer.WriteRequiredString(spec.Fingerprint.Graph);
        writer.WriteRequiredString(spec.Fingerprint.Build);
    }

    /// <summary>Reads what <see cref="WriteSpec"/> wrote.</summary>
    public static JobSpec ReadSpec(this WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadMap(static r => r.ReadRequiredString()),
            new JobFingerprint(reader.ReadRequiredString(), reader.ReadRequiredString()));

    private static void WriteNode(WireWriter writer, NodeInfo node)
    {
        writer.WriteRequiredString(node.Address);
        writer.WriteRequiredString(node.Status);
        writer.WriteVarInt(node.Slots);
        writer.WriteVarInt(node.FreeSlots);
    }

    private static NodeInfo ReadNode(WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadVarInt(), reader.ReadVarInt());

    private static void WriteSummary(WireWriter writer, JobSummary job)
    {
        writer.WriteRequiredString(job.Id);
        writer.WriteRequiredString(job.Name);
        writer.Write((byte)job.Status);
        writer.WriteVarInt(job.Parallelism);
        writer.WriteRequiredString(job.JobMasterNode);
        writer.WriteVarInt(job.Checkpoints);
        writer.WriteVarInt(job.Restarts);
        writer.WriteVarLong(job.SubmittedAt);
    }

    private static JobSummary ReadSummary(WireReader reader) =>
        new(reader.ReadRequiredString(), reader.ReadRequiredString(), JobMasterMessages.ReadStatus(reader), reader.ReadVarInt(),
            reader.ReadRequiredString(), reader.ReadVarInt(), reader.ReadVarInt(), reader.ReadVarLong());
}

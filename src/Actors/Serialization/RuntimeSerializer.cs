using System.Runtime.Serialization;
using ActorStream.Actors.Exchange;
using ActorStream.Graph.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorStream.Actors.Serialization;

/// <summary>
/// The compact binary format of the runtime protocol: everything subtasks, job masters, the
/// checkpoint store and key-group entities send each other, and the replies clients get. Manifests
/// are short and stable; a data batch's manifest also names its record type ("DB:" + type identity),
/// whose records are written with that type's <see cref="TypeSerializers"/> serializer. Every payload
/// starts with a format version.
/// </summary>
public sealed class RuntimeSerializer : SerializerWithStringManifest
{
    private readonly ExtendedActorSystem _system;

    /// <summary>Creates the serializer of <paramref name="system"/> (Akka does, from the bindings).</summary>
    public RuntimeSerializer(ExtendedActorSystem system) : base(system) => _system = system;

    /// <summary>
    /// The HOCON that registers this serializer for the runtime protocol: its marker interfaces (so a new
    /// message is never left to the JSON fallback) and the replies that have none.
    /// </summary>
    public static Akka.Configuration.Config Bindings { get; } = Akka.Configuration.ConfigurationFactory.ParseString("""
        akka.actor {
          serializers.actorstream-runtime = "ActorStream.Actors.Serialization.RuntimeSerializer, ActorStream.Actors"
          serialization-bindings {
            "ActorStream.Actors.Exchange.IChannelMessage, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Exchange.Credit, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Subtasks.ISubtaskCommand, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.JobMaster.IJobMasterMessage, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.JobMaster.IJobOutcome, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.JobMaster.SavepointTaken, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Checkpointing.ICheckpointStoreCommand, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Checkpointing.CheckpointsLoaded, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Checkpointing.CheckpointStored, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.State.IKeyGroupStateCommand, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.State.KeyGroupStateWritten, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.State.KeyGroupStateWriteFailed, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Graph.JobProgress, ActorStream.Graph" = actorstream-runtime
            "Akka.Done, Akka" = actorstream-runtime
            "ActorStream.Actors.Cluster.ISlotManagerMessage, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Cluster.IJobGatewayRequest, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Cluster.JobSummary, ActorStream.Actors" = actorstream-runtime
            "ActorStream.Actors.Serialization.MessagePart, ActorStream.Actors" = actorstream-runtime
          }
        }
        """);

    /// <summary>The serializer id registered in HOCON.</summary>
    public const int Id = 4202;

    private const byte Version = 1;

    /// <summary>Every runtime message with a fixed manifest.</summary>
    internal static MessageCodecs Codecs { get; } = new MessageCodecs()
        .AddExchange()
        .AddSubtaskCommands()
        .AddJobMaster()
        .AddJobDetails()
        .AddState()
        .AddCluster()
        .AddMessageParts();

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o is DataBatch data
        ? RecordBatchCodec.Of(data.Batch).Manifest
        : Codecs.ManifestOf(o) ?? throw CannotSerialize(o);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var stream = RentBuffer();
        using (var writer = new WireWriter(stream))
        {
            writer.Write(Version);
            if (obj is DataBatch data)
            {
                writer.WriteVarInt(data.Channel);
                var start = stream.Position;
                var codec = RecordBatchCodec.Of(data.Batch);
                codec.Write(writer, data.Batch);
                writer.Flush();
                RemoteBatchSizing.Observe(codec.RecordType, stream.Position - start, data.Batch.Count);
                // Serialized once for the wire and never read again by the sender: its pooled array goes back now.
                data.Batch.Release();
            }
            else if (!Codecs.TryWrite(writer, obj))
            {
                throw CannotSerialize(obj);
            }
        }
        var bytes = stream.ToArray();
        ReturnBuffer(stream);
        if (obj is DataBatch { SentBytes: { } sent })
            sent.Add(bytes.Length);
        return bytes;
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new WireReader(stream, _system);
        var version = reader.ReadByte();
        if (version != Version)
            throw new SerializationException($"Unknown runtime format version {version} for manifest '{manifest}'.");
        if (manifest.StartsWith(RecordBatchCodec.ManifestPrefix, StringComparison.Ordinal))
        {
            var channel = reader.ReadVarInt();
            return new DataBatch(channel, RecordBatchCodec.Of(manifest).Read(reader)) { ReceivedBytes = bytes.Length };
        }
        return Codecs.Read(reader, manifest);
    }

    /// <summary>The largest buffer a thread keeps between messages; a larger one (a rare big message) is left to the GC.</summary>
    private const int KeptBufferBytes = 128 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    /// <summary>
    /// This thread's empty write buffer, taken out while in use (a message whose codec serializes a nested message gets a
    /// fresh one): remote batches are serialized back to back on a subtask's thread, and growing a new stream for each
    /// allocated its doubling buffers every time.
    /// </summary>
    private static MemoryStream RentBuffer()
    {
        var buffer = t_buffer ?? new MemoryStream();
        t_buffer = null;
        buffer.SetLength(0);
        return buffer;
    }

    /// <summary>Keeps <paramref name="buffer"/> for the thread's next message unless it grew beyond <see cref="KeptBufferBytes"/>.</summary>
    private static void ReturnBuffer(MemoryStream buffer)
    {
        if (buffer.Capacity <= KeptBufferBytes)
            t_buffer = buffer;
    }

    private static ArgumentException CannotSerialize(object o) =>
        new($"{nameof(RuntimeSerializer)} cannot serialize {o.GetType()}: add it to the runtime message table.");
}

using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// What an exactly-once Kafka sink commits for one writer and checkpoint: the records, the transactional id
/// that commits them and the checkpoint whose id becomes the commit marker. <see cref="FromCheckpoint"/> is
/// true for one read back from a checkpoint (a restore), the only case where the marker must be consulted.
/// </summary>
public sealed record KafkaSinkTransaction(string TransactionalId, int WriterSubtask, long CheckpointId, IReadOnlyList<KafkaSinkRecord> Records)
{
    /// <summary>True when restored from a checkpoint: the previous run may have committed it already.</summary>
    public bool FromCheckpoint { get; init; }
}

/// <summary>Writes <see cref="KafkaSinkTransaction"/>s into checkpoints.</summary>
internal sealed class KafkaSinkTransactionSerializer : ITypeSerializer<KafkaSinkTransaction>
{
    private const byte FormatVersion = 1;

    public static readonly KafkaSinkTransactionSerializer Instance = new();

    public void Serialize(KafkaSinkTransaction value, BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(value.TransactionalId);
        writer.Write(value.WriterSubtask);
        writer.Write(value.CheckpointId);
        writer.Write(value.Records.Count);
        foreach (var record in value.Records)
        {
            writer.Write(record.Topic);
            WriteBytes(writer, record.Key);
            WriteBytes(writer, record.Value);
            writer.Write(record.Timestamp);
        }
    }

    public KafkaSinkTransaction Deserialize(BinaryReader reader)
    {
        if (reader.ReadByte() is var version && version != FormatVersion)
            throw new InvalidDataException($"Unknown Kafka sink transaction format {version}.");
        var id = reader.ReadString();
        var writer = reader.ReadInt32();
        var checkpoint = reader.ReadInt64();
        var records = new KafkaSinkRecord[reader.ReadInt32()];
        for (var i = 0; i < records.Length; i++)
            records[i] = new KafkaSinkRecord(reader.ReadString(), ReadBytes(reader), ReadBytes(reader), reader.ReadInt64());
        return new KafkaSinkTransaction(id, writer, checkpoint, records) { FromCheckpoint = true };
    }

    private static void WriteBytes(BinaryWriter writer, byte[]? bytes)
    {
        writer.Write(bytes?.Length ?? -1);
        if (bytes is not null)
            writer.Write(bytes);
    }

    private static byte[]? ReadBytes(BinaryReader reader) => reader.ReadInt32() is var length && length < 0 ? null : reader.ReadBytes(length);
}

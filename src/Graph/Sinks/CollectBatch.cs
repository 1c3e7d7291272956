using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Sinks;

/// <summary>
/// The records one collect sink writer (<paramref name="Writer"/>, a fresh id per writer instance, so one per subtask
/// and attempt) wrote before barrier <paramref name="CheckpointId"/>: released to the caller when that checkpoint completes.
/// </summary>
internal sealed record CollectBatch<T>(Guid Writer, int Subtask, long CheckpointId, IReadOnlyList<T> Records);

/// <summary>Writes collect batches into checkpoints: the writer, subtask and checkpoint, then the records with <typeparamref name="T"/>'s serializer.</summary>
internal sealed class CollectBatchSerializer<T> : ITypeSerializer<CollectBatch<T>>
{
    /// <summary>The one instance per record type.</summary>
    public static readonly CollectBatchSerializer<T> Instance = new();

    private readonly ITypeSerializer<T> _records = TypeSerializers.Get<T>();

    /// <inheritdoc />
    public void Serialize(CollectBatch<T> value, BinaryWriter writer)
    {
        writer.Write(value.Writer.ToByteArray());
        writer.Write(value.Subtask);
        writer.Write(value.CheckpointId);
        writer.Write(value.Records.Count);
        foreach (var record in value.Records)
            _records.Serialize(record, writer);
    }

    /// <inheritdoc />
    public CollectBatch<T> Deserialize(BinaryReader reader)
    {
        var writer = new Guid(reader.ReadBytes(16));
        var subtask = reader.ReadInt32();
        var checkpointId = reader.ReadInt64();
        var records = new T[reader.ReadInt32()];
        for (var i = 0; i < records.Length; i++)
            records[i] = _records.Deserialize(reader);
        return new CollectBatch<T>(writer, subtask, checkpointId, records);
    }
}

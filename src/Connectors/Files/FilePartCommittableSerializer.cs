using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.Files;

/// <summary>Writes part file committables into checkpoints: the two file names.</summary>
internal sealed class FilePartCommittableSerializer : ITypeSerializer<FilePartCommittable>
{
    /// <summary>The one instance; the serializer has no state.</summary>
    public static readonly FilePartCommittableSerializer Instance = new();

    /// <inheritdoc />
    public void Serialize(FilePartCommittable value, BinaryWriter writer)
    {
        writer.Write(value.PendingFileName);
        writer.Write(value.FinalFileName);
    }

    /// <inheritdoc />
    public FilePartCommittable Deserialize(BinaryReader reader) => new(reader.ReadString(), reader.ReadString());
}

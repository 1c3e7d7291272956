namespace ActorStream.Graph.Serialization;

/// <summary>A presence flag, then the value when there is one.</summary>
internal sealed class NullableSerializer<T>(ITypeSerializer<T> value) : ITypeSerializer<T?> where T : struct
{
    public void Serialize(T? item, BinaryWriter writer)
    {
        writer.Write(item.HasValue);
        if (item.HasValue)
            value.Serialize(item.Value, writer);
    }

    public T? Deserialize(BinaryReader reader) => reader.ReadBoolean() ? value.Deserialize(reader) : null;
}

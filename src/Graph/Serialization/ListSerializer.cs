namespace ActorStream.Graph.Serialization;

/// <summary>A list (or null) as its count + 1 and its elements in order.</summary>
public sealed class ListSerializer<T>(ITypeSerializer<T> element) : ITypeSerializer<List<T>>
{
    /// <inheritdoc />
    public void Serialize(List<T> value, BinaryWriter writer)
    {
        writer.WriteNullableCount(value?.Count);
        if (value is null)
            return;
        foreach (var item in value)
            element.Serialize(item, writer);
    }

    /// <inheritdoc />
    public List<T> Deserialize(BinaryReader reader)
    {
        if (reader.ReadNullableCount() is not { } count)
            return null!;
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
            list.Add(element.Deserialize(reader));
        return list;
    }
}

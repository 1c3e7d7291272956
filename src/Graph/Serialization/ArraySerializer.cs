namespace ActorStream.Graph.Serialization;

/// <summary>An array (or null) as its length + 1 and its elements in order.</summary>
internal sealed class ArraySerializer<T>(ITypeSerializer<T> element) : ITypeSerializer<T[]>
{
    public void Serialize(T[] value, BinaryWriter writer)
    {
        writer.WriteNullableCount(value?.Length);
        if (value is null)
            return;
        foreach (var item in value)
            element.Serialize(item, writer);
    }

    public T[] Deserialize(BinaryReader reader)
    {
        if (reader.ReadNullableCount() is not { } count)
            return null!;
        var array = new T[count];
        for (var i = 0; i < count; i++)
            array[i] = element.Deserialize(reader);
        return array;
    }
}

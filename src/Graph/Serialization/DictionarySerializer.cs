namespace ActorStream.Graph.Serialization;

/// <summary>
/// A dictionary (or null) as its count + 1 and its (key, value) pairs. Restored dictionaries use the
/// default key comparer: a custom comparer is not part of the data.
/// </summary>
public sealed class DictionarySerializer<TKey, TValue>(ITypeSerializer<TKey> key, ITypeSerializer<TValue> value)
    : ITypeSerializer<Dictionary<TKey, TValue>> where TKey : notnull
{
    /// <inheritdoc />
    public void Serialize(Dictionary<TKey, TValue> map, BinaryWriter writer)
    {
        writer.WriteNullableCount(map?.Count);
        if (map is null)
            return;
        foreach (var (k, v) in map)
        {
            key.Serialize(k, writer);
            value.Serialize(v, writer);
        }
    }

    /// <inheritdoc />
    public Dictionary<TKey, TValue> Deserialize(BinaryReader reader)
    {
        if (reader.ReadNullableCount() is not { } count)
            return null!;
        var map = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
        {
            var k = key.Deserialize(reader);
            map[k] = value.Deserialize(reader);
        }
        return map;
    }
}

using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.Tests.Serialization;

/// <summary>Round trips through a serializer.</summary>
internal static class SerializerAssert
{
    /// <summary>The bytes <paramref name="serializer"/> (default: the registry's) writes for <paramref name="value"/>.</summary>
    public static byte[] Bytes<T>(T value, ITypeSerializer<T>? serializer = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            (serializer ?? TypeSerializers.Get<T>()).Serialize(value, writer);
        return stream.ToArray();
    }

    /// <summary>Reads <paramref name="bytes"/> back, asserting that every byte is consumed.</summary>
    public static T Read<T>(byte[] bytes, ITypeSerializer<T>? serializer = null)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var value = (serializer ?? TypeSerializers.Get<T>()).Deserialize(reader);
        Assert.Equal(bytes.Length, reader.BaseStream.Position);
        return value;
    }

    /// <summary>Writes and reads <paramref name="value"/> back.</summary>
    public static T RoundTrip<T>(T value, ITypeSerializer<T>? serializer = null) => Read(Bytes(value, serializer), serializer);
}

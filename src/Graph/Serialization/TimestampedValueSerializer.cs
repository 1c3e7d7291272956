using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Serialization;

/// <summary>An element of an evicting window: the value, then its timestamp.</summary>
internal sealed class TimestampedValueSerializer<T>(ITypeSerializer<T> value) : ITypeSerializer<TimestampedValue<T>>
{
    public void Serialize(TimestampedValue<T> item, BinaryWriter writer)
    {
        value.Serialize(item.Value, writer);
        writer.WriteVarLong(item.Timestamp);
    }

    public TimestampedValue<T> Deserialize(BinaryReader reader)
    {
        var item = value.Deserialize(reader);
        return new TimestampedValue<T>(item, reader.ReadVarLong());
    }
}

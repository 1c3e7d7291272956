using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>A state value with the time of its last write (or read), as a state with a time-to-live stores it.</summary>
internal readonly record struct TtlValue<T>(T Value, long LastAccess);

/// <summary>Writes a <see cref="TtlValue{T}"/>: the value, then its last-access time.</summary>
internal sealed class TtlValueSerializer<T>(ITypeSerializer<T> value) : ITypeSerializer<TtlValue<T>>
{
    public void Serialize(TtlValue<T> item, BinaryWriter writer)
    {
        value.Serialize(item.Value, writer);
        writer.WriteVarLong(item.LastAccess);
    }

    public TtlValue<T> Deserialize(BinaryReader reader)
    {
        var item = value.Deserialize(reader);
        return new TtlValue<T>(item, reader.ReadVarLong());
    }
}

/// <summary>What cleaning one stored value of a state with a time-to-live did.</summary>
internal enum TtlPurge
{
    /// <summary>Nothing had expired.</summary>
    Keep,

    /// <summary>Some elements (of a list or map) expired and were removed; the rest stays.</summary>
    Changed,

    /// <summary>Everything expired: the key's value goes.</summary>
    Remove,
}

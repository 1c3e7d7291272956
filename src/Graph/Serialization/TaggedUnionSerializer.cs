using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Serialization;

/// <summary>An element of a co-group or window join: which stream it came from, then only that stream's value.</summary>
internal sealed class TaggedUnionSerializer<T1, T2>(ITypeSerializer<T1> one, ITypeSerializer<T2> two) : ITypeSerializer<TaggedUnion<T1, T2>>
{
    public void Serialize(TaggedUnion<T1, T2> value, BinaryWriter writer)
    {
        writer.Write(value.IsOne);
        if (value.IsOne)
            one.Serialize(value.One, writer);
        else
            two.Serialize(value.Two, writer);
    }

    public TaggedUnion<T1, T2> Deserialize(BinaryReader reader) =>
        reader.ReadBoolean() ? TaggedUnion<T1, T2>.First(one.Deserialize(reader)) : TaggedUnion<T1, T2>.Second(two.Deserialize(reader));
}

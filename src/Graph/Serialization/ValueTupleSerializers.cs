namespace ActorStream.Graph.Serialization;

/// <summary>A 2-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2) : ITypeSerializer<ValueTuple<T1, T2>>
{
    public void Serialize(ValueTuple<T1, T2> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
    }

    public ValueTuple<T1, T2> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        return (item1, item2);
    }
}

/// <summary>A 3-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2, T3>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2, ITypeSerializer<T3> s3) : ITypeSerializer<ValueTuple<T1, T2, T3>>
{
    public void Serialize(ValueTuple<T1, T2, T3> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
        s3.Serialize(value.Item3, writer);
    }

    public ValueTuple<T1, T2, T3> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        var item3 = s3.Deserialize(reader);
        return (item1, item2, item3);
    }
}

/// <summary>A 4-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2, T3, T4>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2, ITypeSerializer<T3> s3, ITypeSerializer<T4> s4) : ITypeSerializer<ValueTuple<T1, T2, T3, T4>>
{
    public void Serialize(ValueTuple<T1, T2, T3, T4> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
        s3.Serialize(value.Item3, writer);
        s4.Serialize(value.Item4, writer);
    }

    public ValueTuple<T1, T2, T3, T4> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        var item3 = s3.Deserialize(reader);
        var item4 = s4.Deserialize(reader);
        return (item1, item2, item3, item4);
    }
}

/// <summary>A 5-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2, T3, T4, T5>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2, ITypeSerializer<T3> s3, ITypeSerializer<T4> s4, ITypeSerializer<T5> s5) : ITypeSerializer<ValueTuple<T1, T2, T3, T4, T5>>
{
    public void Serialize(ValueTuple<T1, T2, T3, T4, T5> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
        s3.Serialize(value.Item3, writer);
        s4.Serialize(value.Item4, writer);
        s5.Serialize(value.Item5, writer);
    }

    public ValueTuple<T1, T2, T3, T4, T5> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        var item3 = s3.Deserialize(reader);
        var item4 = s4.Deserialize(reader);
        var item5 = s5.Deserialize(reader);
        return (item1, item2, item3, item4, item5);
    }
}

/// <summary>A 6-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2, T3, T4, T5, T6>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2, ITypeSerializer<T3> s3, ITypeSerializer<T4> s4, ITypeSerializer<T5> s5, ITypeSerializer<T6> s6) : ITypeSerializer<ValueTuple<T1, T2, T3, T4, T5, T6>>
{
    public void Serialize(ValueTuple<T1, T2, T3, T4, T5, T6> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
        s3.Serialize(value.Item3, writer);
        s4.Serialize(value.Item4, writer);
        s5.Serialize(value.Item5, writer);
        s6.Serialize(value.Item6, writer);
    }

    public ValueTuple<T1, T2, T3, T4, T5, T6> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        var item3 = s3.Deserialize(reader);
        var item4 = s4.Deserialize(reader);
        var item5 = s5.Deserialize(reader);
        var item6 = s6.Deserialize(reader);
        return (item1, item2, item3, item4, item5, item6);
    }
}

/// <summary>A 7-tuple as its items in order.</summary>
internal sealed class ValueTupleSerializer<T1, T2, T3, T4, T5, T6, T7>(ITypeSerializer<T1> s1, ITypeSerializer<T2> s2, ITypeSerializer<T3> s3, ITypeSerializer<T4> s4, ITypeSerializer<T5> s5, ITypeSerializer<T6> s6, ITypeSerializer<T7> s7) : ITypeSerializer<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>
{
    public void Serialize(ValueTuple<T1, T2, T3, T4, T5, T6, T7> value, BinaryWriter writer)
    {
        s1.Serialize(value.Item1, writer);
        s2.Serialize(value.Item2, writer);
        s3.Serialize(value.Item3, writer);
        s4.Serialize(value.Item4, writer);
        s5.Serialize(value.Item5, writer);
        s6.Serialize(value.Item6, writer);
        s7.Serialize(value.Item7, writer);
    }

    public ValueTuple<T1, T2, T3, T4, T5, T6, T7> Deserialize(BinaryReader reader)
    {
        var item1 = s1.Deserialize(reader);
        var item2 = s2.Deserialize(reader);
        var item3 = s3.Deserialize(reader);
        var item4 = s4.Deserialize(reader);
        var item5 = s5.Deserialize(reader);
        var item6 = s6.Deserialize(reader);
        var item7 = s7.Deserialize(reader);
        return (item1, item2, item3, item4, item5, item6, item7);
    }
}

using ActorStream.Graph.Serialization;
using static ActorStream.Graph.Tests.State.BackendSnapshots;

namespace ActorStream.Graph.Tests.Serialization;

/// <summary>A serializer on a state descriptor overrides the registry's for that state only.</summary>
public sealed class DescriptorSerializerTests
{
    /// <summary>Writes ints as fixed 4 bytes, counting its calls.</summary>
    private sealed class FixedInt : ITypeSerializer<int>
    {
        public int Writes;
        public int Reads;

        public void Serialize(int value, BinaryWriter writer)
        {
            Writes++;
            writer.Write(value);
        }

        public int Deserialize(BinaryReader reader)
        {
            Reads++;
            return reader.ReadInt32();
        }
    }

    [Fact]
    public void Each_kind_of_descriptor_should_use_its_serializer_for_snapshot_and_restore()
    {
        var value = new FixedInt();
        var element = new FixedInt();
        var mapKey = new FixedInt();
        var mapValue = new FixedInt();
        var reduced = new FixedInt();
        ValueStateDescriptor<int> valueDescriptor = new("value") { Serializer = value };
        ListStateDescriptor<int> listDescriptor = new("list") { Serializer = element };
        MapStateDescriptor<int, int> mapDescriptor = new("map") { KeySerializer = mapKey, Serializer = mapValue };
        ReducingStateDescriptor<int> reducingDescriptor = new("sum", (a, b) => a + b) { Serializer = reduced };
        var backend = Backend<string>();
        backend.SetCurrentKey("k");
        backend.GetState(valueDescriptor).Update(1);
        backend.GetListState(listDescriptor).AddAll([1, 2, 3]);
        backend.GetMapState(mapDescriptor).Put(4, 5);
        backend.GetReducingState(reducingDescriptor).Add(6);

        var restored = Backend<string>().RestoreFrom(SnapshotAll(backend));
        restored.SetCurrentKey("k");

        Assert.Equal(1, restored.GetState(valueDescriptor).Value());
        Assert.Equal([1, 2, 3], restored.GetListState(listDescriptor).Get());
        Assert.Equal(5, restored.GetMapState(mapDescriptor).Get(4));
        Assert.Equal(6, restored.GetReducingState(reducingDescriptor).Get());
        Assert.Equal((1, 1, 3, 3, 1, 1, 1, 1, 1, 1), (value.Writes, value.Reads, element.Writes, element.Reads,
            mapKey.Writes, mapKey.Reads, mapValue.Writes, mapValue.Reads, reduced.Writes, reduced.Reads));
    }

    [Fact]
    public void A_descriptor_serializer_should_not_change_the_default_for_other_states()
    {
        var custom = new FixedInt();
        var backend = Backend<string>();
        backend.SetCurrentKey("k");
        backend.GetState(new ValueStateDescriptor<int>("custom") { Serializer = custom }).Update(1);
        backend.GetState(new ValueStateDescriptor<int>("default")).Update(1);

        SnapshotAll(backend);

        Assert.Equal(1, custom.Writes);
        Assert.IsNotType<FixedInt>(TypeSerializers.Get<int>());
    }
}

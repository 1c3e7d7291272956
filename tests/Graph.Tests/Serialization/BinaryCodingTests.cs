using ActorStream.Graph.Serialization;
using FsCheck.Xunit;

namespace ActorStream.Graph.Tests.Serialization;

/// <summary>
/// The varints of <see cref="BinaryCoding"/> are written in one call to the stream, but must stay the bytes of
/// <see cref="BinaryWriter.Write7BitEncodedInt64"/>: checkpoints and the wire written before read them.
/// </summary>
public sealed class BinaryCodingTests
{
    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            write(writer);
        return stream.ToArray();
    }

    public static TheoryData<long> Edges => new()
    {
        0, 1, -1, 63, -64, 64, -65, 127, 128, 8191, 8192, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue,
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_var_long_should_be_the_zig_zag_value_in_the_bytes_of_BinaryWriter_and_read_back(long value)
    {
        var zigZag = (value << 1) ^ (value >> 63);

        var bytes = Bytes(w => w.WriteVarLong(value));

        Assert.Equal(Bytes(w => w.Write7BitEncodedInt64(zigZag)), bytes);
        Assert.Equal(value, new BinaryReader(new MemoryStream(bytes)).ReadVarLong());
    }

    [Property]
    public void Any_var_long_should_match_BinaryWriter_and_round_trip(long value)
    {
        var bytes = Bytes(w => w.WriteVarLong(value));

        Assert.Equal(Bytes(w => w.Write7BitEncodedInt64((value << 1) ^ (value >> 63))), bytes);
        Assert.Equal(value, new BinaryReader(new MemoryStream(bytes)).ReadVarLong());
    }

    [Property]
    public void Counts_should_match_BinaryWriter_and_round_trip(int count)
    {
        count &= int.MaxValue >> 1; // non-negative, and count + 1 fits

        var bytes = Bytes(w => { w.WriteCount(count); w.WriteNullableCount(count); w.WriteNullableCount(null); });

        Assert.Equal(Bytes(w => { w.Write7BitEncodedInt(count); w.Write7BitEncodedInt(count + 1); w.Write7BitEncodedInt(0); }), bytes);
        var reader = new BinaryReader(new MemoryStream(bytes));
        Assert.Equal(count, reader.ReadCount());
        Assert.Equal(count, reader.ReadNullableCount());
        Assert.Null(reader.ReadNullableCount());
    }
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ActorStream.Graph.Serialization;

/// <summary>
/// Compact encodings shared by the serializers and the checkpoint blob format: zig-zag varints for
/// signed integers (small magnitudes take one byte) and null-safe, lossless strings.
/// </summary>
public static class BinaryCoding
{
    /// <summary>Writes a signed 64-bit value as a zig-zag varint (1 to 10 bytes).</summary>
    public static void WriteVarLong(this BinaryWriter writer, long value) =>
        WriteVarULong(writer, (ulong)((value << 1) ^ (value >> 63)));

    /// <summary>
    /// Writes <paramref name="value"/> as an unsigned LEB128 varint, the bytes of <see cref="BinaryWriter.Write7BitEncodedInt64"/>,
    /// in one call to the stream: BinaryWriter's own writes each byte through the stream's virtual WriteByte, which
    /// made the varints of a large key group's snapshot a measurable share of a checkpoint.
    /// </summary>
    private static void WriteVarULong(BinaryWriter writer, ulong value)
    {
        if (value < 0x80)
        {
            writer.Write((byte)value);
            return;
        }
        Span<byte> bytes = stackalloc byte[10];
        var length = 0;
        while (value >= 0x80)
        {
            bytes[length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[length++] = (byte)value;
        writer.Write(bytes[..length]);
    }

    /// <summary>Reads a value written by <see cref="WriteVarLong"/>.</summary>
    public static long ReadVarLong(this BinaryReader reader)
    {
        var raw = (ulong)reader.Read7BitEncodedInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Writes a signed 32-bit value as a zig-zag varint (1 to 5 bytes).</summary>
    public static void WriteVarInt(this BinaryWriter writer, int value) => writer.WriteVarLong(value);

    /// <summary>Reads a value written by <see cref="WriteVarInt"/>.</summary>
    public static int ReadVarInt(this BinaryReader reader) => checked((int)reader.ReadVarLong());

    /// <summary>Writes a non-negative count or length as a varint.</summary>
    public static void WriteCount(this BinaryWriter writer, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteVarULong(writer, (uint)count);
    }

    /// <summary>Reads a value written by <see cref="WriteCount"/>; throws on a corrupt (negative) value.</summary>
    public static int ReadCount(this BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 ? count : throw new InvalidDataException($"Corrupt data: negative count {count}.");
    }

    /// <summary>Writes a null marker or a count: 0 for null, count + 1 otherwise.</summary>
    public static void WriteNullableCount(this BinaryWriter writer, int? count) =>
        WriteVarULong(writer, count is { } c ? (uint)checked(c + 1) : 0);

    /// <summary>Reads a value written by <see cref="WriteNullableCount"/>: null, or the count.</summary>
    public static int? ReadNullableCount(this BinaryReader reader)
    {
        var raw = reader.ReadCount();
        return raw == 0 ? null : raw - 1;
    }

    /// <summary>
    /// Writes a string (or null) losslessly: a varint marker, 0 for null, byte count + 2 followed by UTF-8 for a
    /// well-formed string, or 1 followed by the UTF-16 code units for a string with lone surrogates (which UTF-8
    /// cannot carry; malformed input must not make a checkpoint fail or change a key).
    /// </summary>
    public static void WriteNullableString(this BinaryWriter writer, string? value)
    {
        if (value is null)
        {
            writer.Write7BitEncodedInt(0);
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            if (Utf8.FromUtf16(value, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                WriteVarULong(writer, (uint)checked(written + 2));
                writer.Write(buffer[..written]);
                return;
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
        writer.Write7BitEncodedInt(1);
        writer.WriteCount(value.Length);
        foreach (var c in value)
            writer.Write((ushort)c);
    }

    /// <summary>Reads a value written by <see cref="WriteNullableString"/>.</summary>
    public static string? ReadNullableString(this BinaryReader reader)
    {
        var marker = reader.ReadCount();
        switch (marker)
        {
            case 0:
                return null;
            case 1:
                var chars = new char[reader.ReadCount()];
                for (var i = 0; i < chars.Length; i++)
                    chars[i] = (char)reader.ReadUInt16();
                return new string(chars);
            default:
                return Encoding.UTF8.GetString(reader.ReadExactBytes(marker - 2));
        }
    }

    /// <summary>Reads a string that must not be null (names in the blob format).</summary>
    public static string ReadRequiredString(this BinaryReader reader) =>
        reader.ReadNullableString() ?? throw new InvalidDataException("Corrupt data: a required string is null.");

    /// <summary>Reads exactly <paramref name="count"/> bytes; throws when the data ends early.</summary>
    public static byte[] ReadExactBytes(this BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException($"Expected {count} bytes but the data ended after {bytes.Length}.");
    }
}

using ActorStream.Graph.Operators.Timers;
using ActorStream.Graph.Windowing;

namespace ActorStream.Graph.Serialization;

/// <summary>The serializers of the non-generic built-in types, by type. Their formats are part of the checkpoint format: never change one.</summary>
internal static class BuiltInSerializers
{
    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(bool)] = Of<bool>((v, w) => w.Write(v), r => r.ReadBoolean()),
        [typeof(byte)] = Of<byte>((v, w) => w.Write(v), r => r.ReadByte()),
        [typeof(sbyte)] = Of<sbyte>((v, w) => w.Write(v), r => r.ReadSByte()),
        [typeof(short)] = Of<short>((v, w) => w.Write(v), r => r.ReadInt16()),
        [typeof(ushort)] = Of<ushort>((v, w) => w.Write(v), r => r.ReadUInt16()),
        [typeof(int)] = Of<int>((v, w) => w.WriteVarInt(v), r => r.ReadVarInt()),
        [typeof(uint)] = Of<uint>((v, w) => w.Write7BitEncodedInt64(v), r => checked((uint)r.Read7BitEncodedInt64())),
        [typeof(long)] = Of<long>((v, w) => w.WriteVarLong(v), r => r.ReadVarLong()),
        [typeof(ulong)] = Of<ulong>((v, w) => w.Write7BitEncodedInt64((long)v), r => (ulong)r.Read7BitEncodedInt64()),
        [typeof(float)] = Of<float>((v, w) => w.Write(v), r => r.ReadSingle()),
        [typeof(double)] = Of<double>((v, w) => w.Write(v), r => r.ReadDouble()),
        [typeof(decimal)] = Of<decimal>((v, w) => w.Write(v), r => r.ReadDecimal()),
        [typeof(char)] = Of<char>((v, w) => w.Write((ushort)v), r => (char)r.ReadUInt16()),
        [typeof(string)] = Of<string?>((v, w) => w.WriteNullableString(v), r => r.ReadNullableString()),
        [typeof(Guid)] = Of<Guid>(WriteGuid, r => new Guid(r.ReadExactBytes(16))),
        // ToBinary keeps the kind (UTC, local, unspecified) with the ticks.
        [typeof(DateTime)] = Of<DateTime>((v, w) => w.Write(v.ToBinary()), r => DateTime.FromBinary(r.ReadInt64())),
        [typeof(DateTimeOffset)] = Of<DateTimeOffset>(WriteDateTimeOffset, ReadDateTimeOffset),
        [typeof(TimeSpan)] = Of<TimeSpan>((v, w) => w.WriteVarLong(v.Ticks), r => new TimeSpan(r.ReadVarLong())),
        [typeof(byte[])] = Of<byte[]?>(WriteBytes, ReadBytes),
        [typeof(TimeWindow)] = Of<TimeWindow>(WriteTimeWindow, ReadTimeWindow),
        [typeof(GlobalWindow)] = Of<GlobalWindow>((_, _) => { }, _ => GlobalWindow.Instance),
        [typeof(VoidNamespace)] = Of<VoidNamespace>((_, _) => { }, _ => VoidNamespace.Instance),
    };

    /// <summary>The built-in serializer of <paramref name="type"/>, or null when it has none.</summary>
    public static object? Find(Type type) => ByType.GetValueOrDefault(type);

    private static DelegateSerializer<T> Of<T>(Action<T, BinaryWriter> write, Func<BinaryReader, T> read) => new(write, read);

    private static void WriteGuid(Guid value, BinaryWriter writer)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        writer.Write(bytes);
    }

    private static void WriteDateTimeOffset(DateTimeOffset value, BinaryWriter writer)
    {
        writer.Write(value.Ticks);
        writer.Write((short)value.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadDateTimeOffset(BinaryReader reader)
    {
        var ticks = reader.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(reader.ReadInt16()));
    }

    private static void WriteBytes(byte[]? value, BinaryWriter writer)
    {
        writer.WriteNullableCount(value?.Length);
        if (value is not null)
            writer.Write(value);
    }

    private static byte[]? ReadBytes(BinaryReader reader) =>
        reader.ReadNullableCount() is { } count ? reader.ReadExactBytes(count) : null;

    private static void WriteTimeWindow(TimeWindow window, BinaryWriter writer)
    {
        writer.WriteVarLong(window.Start);
        // Windows are short: the size is a small number where the end is a large one.
        writer.WriteVarLong(window.End - window.Start);
    }

    private static TimeWindow ReadTimeWindow(BinaryReader reader)
    {
        var start = reader.ReadVarLong();
        return new TimeWindow(start, start + reader.ReadVarLong());
    }
}

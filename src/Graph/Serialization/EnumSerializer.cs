using System.Runtime.CompilerServices;

namespace ActorStream.Graph.Serialization;

/// <summary>An enum as its underlying integer, zig-zag varint encoded (so small values take one byte).</summary>
internal sealed class EnumSerializer<T> : ITypeSerializer<T> where T : struct, Enum
{
    private static readonly bool Signed = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T))) is
        TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;

    public void Serialize(T value, BinaryWriter writer)
    {
        long bits = Unsafe.SizeOf<T>() switch
        {
            1 => Signed ? Unsafe.As<T, sbyte>(ref value) : Unsafe.As<T, byte>(ref value),
            2 => Signed ? Unsafe.As<T, short>(ref value) : Unsafe.As<T, ushort>(ref value),
            4 => Signed ? Unsafe.As<T, int>(ref value) : Unsafe.As<T, uint>(ref value),
            _ => Unsafe.As<T, long>(ref value),
        };
        writer.WriteVarLong(bits);
    }

    public T Deserialize(BinaryReader reader)
    {
        var bits = reader.ReadVarLong();
        var value = default(T);
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                Unsafe.As<T, byte>(ref value) = unchecked((byte)bits);
                break;
            case 2:
                Unsafe.As<T, ushort>(ref value) = unchecked((ushort)bits);
                break;
            case 4:
                Unsafe.As<T, uint>(ref value) = unchecked((uint)bits);
                break;
            default:
                Unsafe.As<T, long>(ref value) = bits;
                break;
        }
        return value;
    }
}

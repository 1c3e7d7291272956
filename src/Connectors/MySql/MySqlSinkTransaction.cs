using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.MySql;

/// <summary>
/// The rows one sink subtask wrote between two checkpoints, kept in the checkpoint until they are
/// committed. <paramref name="Id"/> names the transaction in the commit marker table, so committing
/// it again (after a restore) finds it done.
/// </summary>
public sealed record MySqlSinkTransaction(string Id, IReadOnlyList<object?[]> Rows);

/// <summary>Writes <see cref="MySqlSinkTransaction"/>s into checkpoints: the id, then each row's values with a type tag.</summary>
internal sealed class MySqlSinkTransactionSerializer : ITypeSerializer<MySqlSinkTransaction>
{
    public static readonly MySqlSinkTransactionSerializer Instance = new();

    private enum Tag : byte { Null, String, Int64, Int32, Decimal, Double, Boolean, DateTime, Bytes }

    public void Serialize(MySqlSinkTransaction value, BinaryWriter writer)
    {
        writer.Write(value.Id);
        writer.Write(value.Rows.Count);
        foreach (var row in value.Rows)
        {
            writer.Write(row.Length);
            foreach (var cell in row)
                WriteCell(cell, writer);
        }
    }

    public MySqlSinkTransaction Deserialize(BinaryReader reader)
    {
        var id = reader.ReadString();
        var rows = new object?[reader.ReadInt32()][];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = new object?[reader.ReadInt32()];
            for (var c = 0; c < row.Length; c++)
                row[c] = ReadCell(reader);
            rows[i] = row;
        }
        return new MySqlSinkTransaction(id, rows);
    }

    private static void WriteCell(object? cell, BinaryWriter writer)
    {
        switch (cell)
        {
            case null: writer.Write((byte)Tag.Null); break;
            case string s: writer.Write((byte)Tag.String); writer.Write(s); break;
            case long l: writer.Write((byte)Tag.Int64); writer.Write(l); break;
            case int i: writer.Write((byte)Tag.Int32); writer.Write(i); break;
            case decimal m: writer.Write((byte)Tag.Decimal); writer.Write(m); break;
            case double d: writer.Write((byte)Tag.Double); writer.Write(d); break;
            case bool b: writer.Write((byte)Tag.Boolean); writer.Write(b); break;
            case DateTime t: writer.Write((byte)Tag.DateTime); writer.Write(t.ToBinary()); break;
            case byte[] bytes: writer.Write((byte)Tag.Bytes); writer.Write(bytes.Length); writer.Write(bytes); break;
            default:
                throw new NotSupportedException(
                    $"A MySQL sink row holds a {cell.GetType().Name}; use string, long, int, decimal, double, bool, DateTime, byte[] or null.");
        }
    }

    private static object? ReadCell(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.Null => null,
        Tag.String => reader.ReadString(),
        Tag.Int64 => reader.ReadInt64(),
        Tag.Int32 => reader.ReadInt32(),
        Tag.Decimal => reader.ReadDecimal(),
        Tag.Double => reader.ReadDouble(),
        Tag.Boolean => reader.ReadBoolean(),
        Tag.DateTime => DateTime.FromBinary(reader.ReadInt64()),
        Tag.Bytes => reader.ReadBytes(reader.ReadInt32()),
        var tag => throw new InvalidDataException($"Unknown MySQL sink cell tag {(byte)tag}."),
    };
}

using System.Buffers.Binary;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>A named part of a key-group blob: one state's entries or one timer service's timers.</summary>
/// <param name="Name">The state's or timer service's name.</param>
/// <param name="Kind">The <see cref="StateKind"/> tag; 0 for timers.</param>
/// <param name="Type">The identity of the stored value type (states) or namespace type (timers).</param>
/// <param name="WritePayload">Writes the payload.</param>
internal sealed record KeyGroupSection(string Name, byte Kind, string Type, Action<BinaryWriter> WritePayload);

/// <summary>A section read back from a blob, with its payload still serialized.</summary>
internal sealed record RestoredSection(string Name, byte Kind, string Type, byte[] Payload);

/// <summary>
/// The format of one key group's keyed state (see docs/state-serialization.md): a version byte, the key
/// type, then state sections and timer sections. Each section is length-prefixed so that a reader can
/// keep a section it does not understand (yet) and write it back unchanged.
/// </summary>
internal static class KeyGroupBlob
{
    /// <summary>The format version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Writes a blob.</summary>
    public static byte[] Write(string keyType, IReadOnlyList<KeyGroupSection> states, IReadOnlyList<KeyGroupSection> timers)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Version);
            writer.WriteNullableString(keyType);
            WriteSections(writer, stream, states);
            WriteSections(writer, stream, timers);
        }
        return stream.ToArray();
    }

    /// <summary>Reads a blob; throws <see cref="InvalidDataException"/> for another version or corrupt data.</summary>
    public static (string KeyType, List<RestoredSection> States, List<RestoredSection> Timers) Read(byte[] blob)
    {
        using var reader = new BinaryReader(new MemoryStream(blob, writable: false));
        var version = reader.ReadByte();
        if (version != Version)
            throw new InvalidDataException($"Unsupported keyed-state format version {version} (this build reads version {Version}).");
        var keyType = reader.ReadRequiredString();
        var states = ReadSections(reader);
        var timers = ReadSections(reader);
        if (reader.BaseStream.Position != blob.Length)
            throw new InvalidDataException($"Corrupt keyed-state blob: {blob.Length - reader.BaseStream.Position} bytes after the last section.");
        return (keyType, states, timers);
    }

    private static void WriteSections(BinaryWriter writer, MemoryStream stream, IReadOnlyList<KeyGroupSection> sections)
    {
        writer.WriteCount(sections.Count);
        foreach (var section in sections)
        {
            writer.WriteNullableString(section.Name);
            writer.Write(section.Kind);
            writer.WriteNullableString(section.Type);
            // A fixed-size length, patched after the payload: no copy of the payload.
            writer.Write(0);
            writer.Flush();
            var start = stream.Position;
            section.WritePayload(writer);
            writer.Flush();
            var end = stream.Position;
            BinaryPrimitives.WriteInt32LittleEndian(stream.GetBuffer().AsSpan((int)start - 4, 4), checked((int)(end - start)));
        }
    }

    private static List<RestoredSection> ReadSections(BinaryReader reader)
    {
        var count = reader.ReadCount();
        var sections = new List<RestoredSection>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadRequiredString();
            var kind = reader.ReadByte();
            var type = reader.ReadRequiredString();
            var length = reader.ReadInt32();
            if (length < 0)
                throw new InvalidDataException($"Corrupt keyed-state blob: section '{name}' has length {length}.");
            sections.Add(new RestoredSection(name, kind, type, reader.ReadExactBytes(length)));
        }
        return sections;
    }
}

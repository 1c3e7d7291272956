using System.Buffers.Binary;
using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>A named part of a key-group blob: one state's entries or one timer service's timers.</summary>
/// <param name="Name">The state's or timer service's name.</param>
/// <param name="Kind">The <see cref="StateKind"/> tag; 0 for timers.</param>
/// <param name="Type">The identity of the stored value type (states) or namespace type (timers).</param>
/// <param name="WritePayload">Writes the payload.</param>
/// <param name="Changes">True when the payload holds changes (upserts and tombstones) to apply onto what came before, not entries.</param>
internal sealed record KeyGroupSection(string Name, byte Kind, string Type, Action<BinaryWriter> WritePayload, bool Changes = false);

/// <summary>A section read back from a blob, with its payload still serialized.</summary>
internal sealed record RestoredSection(string Name, byte Kind, string Type, byte[] Payload, bool Changes = false);

/// <summary>A key-group blob read back: its key type, whether it holds changes only, and its sections.</summary>
internal sealed record RestoredKeyGroup(string KeyType, bool IsDelta, List<RestoredSection> States, List<RestoredSection> Timers);

/// <summary>
/// The format of one key group's keyed state (see docs/state-serialization.md): a version byte, a flags byte
/// (full or delta), the key type, then state sections and timer sections. Each section is length-prefixed so
/// that a reader can keep a section it does not understand (yet) and write it back unchanged, and says whether
/// it holds entries or changes. Version 1 (no flags, entries only) is still read.
/// </summary>
internal static class KeyGroupBlob
{
    /// <summary>The format version this code writes.</summary>
    public const byte Version = 2;

    /// <summary>The version before deltas: always a full key group, sections without a mode byte.</summary>
    private const byte VersionWithoutDeltas = 1;

    private const byte DeltaFlag = 1;

    /// <summary>Writes a blob; <paramref name="isDelta"/> says it holds the changes since the key group's previous snapshot.</summary>
    public static byte[] Write(string keyType, IReadOnlyList<KeyGroupSection> states, IReadOnlyList<KeyGroupSection> timers, bool isDelta = false)
    {
        // One buffer per thread, reused: a growing stream would copy a large key group once per doubling and leave
        // every intermediate array to the GC; this way the only copy is the final one, of the blob's exact size.
        var stream = t_buffer ?? new MemoryStream();
        t_buffer = null; // a payload writer that snapshots another backend on this thread gets a buffer of its own
        stream.SetLength(0);
        try
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Version);
                writer.Write(isDelta ? DeltaFlag : (byte)0);
                writer.WriteNullableString(keyType);
                WriteSections(writer, stream, states);
                WriteSections(writer, stream, timers);
            }
            return stream.ToArray();
        }
        finally
        {
            if (stream.Capacity <= MaxKeptBufferBytes)
                t_buffer = stream;
        }
    }

    /// <summary>A buffer larger than this (a very large key group) is not kept for the next blob.</summary>
    private const int MaxKeptBufferBytes = 8 * 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    /// <summary>Reads a blob of version 1 or 2; throws <see cref="InvalidDataException"/> for another version or corrupt data.</summary>
    public static RestoredKeyGroup Read(byte[] blob)
    {
        using var reader = new BinaryReader(new MemoryStream(blob, writable: false));
        var version = reader.ReadByte();
        if (version is not (Version or VersionWithoutDeltas))
            throw new InvalidDataException($"Unsupported keyed-state format version {version} (this build reads versions {VersionWithoutDeltas} and {Version}).");
        var withModes = version == Version;
        var isDelta = withModes && (reader.ReadByte() & DeltaFlag) != 0;
        var keyType = reader.ReadRequiredString();
        var states = ReadSections(reader, withModes);
        var timers = ReadSections(reader, withModes);
        if (reader.BaseStream.Position != blob.Length)
            throw new InvalidDataException($"Corrupt keyed-state blob: {blob.Length - reader.BaseStream.Position} bytes after the last section.");
        return new RestoredKeyGroup(keyType, isDelta, states, timers);
    }

    private static void WriteSections(BinaryWriter writer, MemoryStream stream, IReadOnlyList<KeyGroupSection> sections)
    {
        writer.WriteCount(sections.Count);
        foreach (var section in sections)
        {
            writer.WriteNullableString(section.Name);
            writer.Write(section.Kind);
            writer.WriteNullableString(section.Type);
            writer.Write(section.Changes);
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

    private static List<RestoredSection> ReadSections(BinaryReader reader, bool withModes)
    {
        var count = reader.ReadCount();
        var sections = new List<RestoredSection>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadRequiredString();
            var kind = reader.ReadByte();
            var type = reader.ReadRequiredString();
            var changes = withModes && reader.ReadBoolean();
            var length = reader.ReadInt32();
            if (length < 0)
                throw new InvalidDataException($"Corrupt keyed-state blob: section '{name}' has length {length}.");
            sections.Add(new RestoredSection(name, kind, type, reader.ReadExactBytes(length), changes));
        }
        return sections;
    }
}

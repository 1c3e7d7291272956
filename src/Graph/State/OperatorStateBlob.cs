using ActorStream.Graph.Serialization;

namespace ActorStream.Graph.State;

/// <summary>How a list of operator state is handed out on restore.</summary>
internal enum OperatorStateMode : byte
{
    /// <summary>Even split over the subtasks.</summary>
    SplitDistribute = 1,

    /// <summary>Every subtask gets everything.</summary>
    Union = 2,
}

/// <summary>One named operator list state of one subtask: its elements, each serialized on its own so that a restore can redistribute them unread.</summary>
internal sealed record OperatorStateSection(string Name, OperatorStateMode Mode, string Type, IReadOnlyList<byte[]> Elements);

/// <summary>
/// The operator state a user function's subtask writes at a checkpoint: a version byte, the writer's subtask index and
/// parallelism (so a restore knows the old parallelism), then its list states.
/// </summary>
internal sealed record OperatorStateBlob(int SubtaskIndex, int Parallelism, IReadOnlyList<OperatorStateSection> Sections)
{
    /// <summary>The format version this code writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>Serializes the blob.</summary>
    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Version);
            writer.WriteCount(SubtaskIndex);
            writer.WriteCount(Parallelism);
            writer.WriteCount(Sections.Count);
            foreach (var section in Sections)
            {
                writer.WriteNullableString(section.Name);
                writer.Write((byte)section.Mode);
                writer.WriteNullableString(section.Type);
                writer.WriteCount(section.Elements.Count);
                foreach (var element in section.Elements)
                {
                    writer.WriteCount(element.Length);
                    writer.Write(element);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads a blob written by <see cref="Write"/>.</summary>
    public static OperatorStateBlob Read(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false));
        var version = reader.ReadByte();
        if (version != Version)
            throw new InvalidDataException($"Unsupported operator-state format version {version} (this build reads version {Version}).");
        var subtask = reader.ReadCount();
        var parallelism = reader.ReadCount();
        var count = reader.ReadCount();
        var sections = new List<OperatorStateSection>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadRequiredString();
            var mode = (OperatorStateMode)reader.ReadByte();
            if (!Enum.IsDefined(mode))
                throw new InvalidDataException($"Operator state '{name}' has an unknown distribution mode {(byte)mode}.");
            var type = reader.ReadRequiredString();
            var elements = new byte[reader.ReadCount()][];
            for (var e = 0; e < elements.Length; e++)
                elements[e] = reader.ReadExactBytes(reader.ReadCount());
            sections.Add(new OperatorStateSection(name, mode, type, elements));
        }
        if (reader.BaseStream.Position != data.Length)
            throw new InvalidDataException($"Corrupt operator-state blob: {data.Length - reader.BaseStream.Position} bytes after the last state.");
        return new OperatorStateBlob(subtask, parallelism, sections);
    }
}

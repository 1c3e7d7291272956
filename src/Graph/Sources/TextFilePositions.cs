namespace ActorStream.Graph.Sources;

/// <summary>
/// The state of a text file reader: for each file it has started, by file name, the byte offset of
/// the next line to read, or <see cref="Finished"/>.
/// </summary>
internal static class TextFilePositions
{
    /// <summary>The position of a file read to its end.</summary>
    public const long Finished = -1;

    /// <summary>Serializes the positions.</summary>
    public static byte[] Write(IEnumerable<KeyValuePair<string, long>> positions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            var list = positions.ToList();
            writer.Write(list.Count);
            foreach (var (name, position) in list)
            {
                writer.Write(name);
                writer.Write(position);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The union of the restored readers' positions; a finished file stays finished.</summary>
    public static Dictionary<string, long> Merge(IEnumerable<byte[]> states)
    {
        var merged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            using var reader = new BinaryReader(new MemoryStream(state));
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var name = reader.ReadString();
                var position = reader.ReadInt64();
                // Each file has one owner per run, so duplicates arise only if the file list changed; keep the furthest.
                if (!merged.TryGetValue(name, out var known) || (known != Finished && (position == Finished || position > known)))
                    merged[name] = position;
            }
        }
        return merged;
    }
}

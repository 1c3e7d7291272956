namespace ActorStream.Connectors.Files;

/// <summary>
/// The writer state of a file sink subtask: the next part number of its own subtask index and of
/// the indices it took over after a rescale down, so that their numbers never repeat when they run again.
/// </summary>
internal static class PartCounters
{
    /// <summary>Serializes <paramref name="counters"/>: next part number by subtask index.</summary>
    public static byte[] Write(IReadOnlyDictionary<int, int> counters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(counters.Count);
            foreach (var (subtask, next) in counters.OrderBy(c => c.Key))
            {
                writer.Write(subtask);
                writer.Write(next);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The union of restored counters, keeping the highest per subtask index.</summary>
    public static Dictionary<int, int> Read(IEnumerable<byte[]> states)
    {
        var counters = new Dictionary<int, int>();
        foreach (var state in states)
        {
            using var reader = new BinaryReader(new MemoryStream(state));
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var subtask = reader.ReadInt32();
                var next = reader.ReadInt32();
                counters[subtask] = Math.Max(next, counters.GetValueOrDefault(subtask));
            }
        }
        return counters;
    }
}

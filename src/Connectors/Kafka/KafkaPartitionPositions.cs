using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>A partition's position in a checkpoint: the next offset to read and, bounded, where to stop.</summary>
/// <param name="Partition">The topic and partition.</param>
/// <param name="Next">The offset of the next record to read, or <see cref="Offset.Beginning"/> before the first.</param>
/// <param name="Stop">The offset to stop before (bounded), or null.</param>
public readonly record struct KafkaPartitionPosition(TopicPartition Partition, long Next, long? Stop)
{
    /// <summary>True when a bounded partition is read up to its stop.</summary>
    public bool IsFinished => Stop is { } stop && Next >= stop;
}

/// <summary>Writes and reads the reader state of a Kafka source: one position per partition.</summary>
internal static class KafkaPartitionPositions
{
    private const byte FormatVersion = 1;

    public static byte[] Write(IEnumerable<KafkaPartitionPosition> positions)
    {
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer))
        {
            var list = positions.ToList();
            output.Write(FormatVersion);
            output.Write(list.Count);
            foreach (var p in list)
            {
                output.Write(p.Partition.Topic);
                output.Write(p.Partition.Partition.Value);
                output.Write(p.Next);
                output.Write(p.Stop ?? -1);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The union of the restored readers' positions, by partition.</summary>
    public static Dictionary<TopicPartition, KafkaPartitionPosition> Merge(IEnumerable<byte[]> states)
    {
        var merged = new Dictionary<TopicPartition, KafkaPartitionPosition>();
        foreach (var state in states)
        {
            using var input = new BinaryReader(new MemoryStream(state));
            if (input.ReadByte() is var version && version != FormatVersion)
                throw new InvalidDataException($"Unknown Kafka source state version {version}.");
            for (var count = input.ReadInt32(); count > 0; count--)
            {
                var partition = new TopicPartition(input.ReadString(), input.ReadInt32());
                var next = input.ReadInt64();
                var stop = input.ReadInt64();
                merged[partition] = new KafkaPartitionPosition(partition, next, stop < 0 ? null : stop);
            }
        }
        return merged;
    }
}

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Which subtask reads a partition, computed by every subtask alone (no consumer-group rebalance decides):
/// Flink's KafkaSourceEnumerator.getSplitOwner, so a job moved from Flink reads the same partitions in
/// the same subtasks. A topic's partitions go round robin from a start index that its name decides.
/// </summary>
public static class KafkaPartitionOwner
{
    /// <summary>The subtask (of <paramref name="parallelism"/>) that reads <paramref name="partition"/> of <paramref name="topic"/>.</summary>
    public static int Of(string topic, int partition, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var start = ((JavaHashCode(topic) * 31) & 0x7FFFFFFF) % parallelism;
        return (start + partition) % parallelism;
    }

    /// <summary>Java's String.hashCode, the hash Flink uses.</summary>
    private static int JavaHashCode(string text)
    {
        var hash = 0;
        foreach (var c in text)
            hash = unchecked(31 * hash + c);
        return hash;
    }
}

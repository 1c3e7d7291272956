using ActorStream.Connectors.Kafka;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace ActorStream.Connectors.Tests.Kafka;

// Shared by the connector specs and the host's job specs (linked there).

/// <summary>A mock Kafka cluster shared by the specs of a class; each spec uses its own topics.</summary>
public sealed class MockKafka : IDisposable
{
    public KafkaMockCluster Cluster { get; } = new();

    public string Bootstrap => Cluster.BootstrapServers;

    public void Dispose() => Cluster.Dispose();
}

/// <summary>Produces test records.</summary>
internal static class TestRecords
{
    /// <summary>Produces <paramref name="values"/> to <paramref name="topic"/>, each to the partition the function gives, with timestamps 1000 + i.</summary>
    public static void Produce(string bootstrap, string topic, IEnumerable<string> values, Func<int, int> partitionOf)
    {
        KafkaNative.EnsureLoaded();
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5 }).Build();
        var i = 0;
        foreach (var value in values)
        {
            producer.Produce(new TopicPartition(topic, partitionOf(i)), new Message<Null, string> { Value = value, Timestamp = new Timestamp(1000 + i, TimestampType.CreateTime) });
            i++;
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(20)));
    }
}

/// <summary>Reads topics back for the sink specs.</summary>
internal static class TopicReader
{
    /// <summary>The values of <paramref name="topic"/> (all partitions) a consumer of <paramref name="isolation"/> sees, read to the end.</summary>
    public static List<string> Values(string bootstrap, string topic, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        KafkaNative.EnsureLoaded();
        int partitions;
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
            partitions = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Single(t => t.Topic == topic).Partitions.Count;
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = "reader", IsolationLevel = isolation, EnablePartitionEof = true, EnableAutoCommit = false,
        }).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var values = new List<string>();
        var ended = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (ended.Count < partitions && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { } result)
                continue;
            if (result.IsPartitionEOF)
                ended.Add(result.Partition.Value);
            else
                values.Add(result.Message.Value);
        }
        Assert.True(ended.Count == partitions, $"Reading {topic} did not reach its end (a transaction left open blocks read_committed readers).");
        return values;
    }
}

/// <summary>
/// A spec that needs a real Kafka broker (real transactions, timestamp lookups): it runs when
/// KAFKA_BOOTSTRAP names one and is skipped, with the reason, otherwise. librdkafka's mock cluster
/// fakes transactions (read_committed sees aborted records), so it cannot show exactly-once.
/// </summary>
public sealed class RealKafkaFactAttribute : FactAttribute
{
    public RealKafkaFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(RealKafka.Bootstrap))
            Skip = "Needs a real Kafka broker: set KAFKA_BOOTSTRAP=host:port (e.g. ../shared/tools/real-kafka/start.sh). The CI mock cluster fakes transactions.";
    }
}

/// <summary>The real broker of the KAFKA_BOOTSTRAP specs.</summary>
public static class RealKafka
{
    public static string? Bootstrap => Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP");

    /// <summary>Creates a topic named <paramref name="prefix"/> and a unique suffix, or exactly that (brokers for these specs do not auto-create).</summary>
    public static string CreateTopic(string prefix, int partitions, bool exactName = false)
    {
        KafkaNative.EnsureLoaded();
        var name = exactName ? prefix : $"{prefix}-{Guid.NewGuid():N}";
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Bootstrap }).Build();
        // The specs' records carry timestamps from 1970 (input) and 2023 (event times in the output): under the broker's
        // default time-based retention (7 days) its first retention check, 30 s after it starts, deletes them mid-spec.
        var keepForever = new Dictionary<string, string> { ["retention.ms"] = "-1" };
        admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = 1, Configs = keepForever }])
            .GetAwaiter().GetResult();
        return name;
    }
}


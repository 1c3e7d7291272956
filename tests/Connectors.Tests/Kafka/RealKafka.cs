using ActorStream.Connectors.Kafka;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace ActorStream.Connectors.Tests.Kafka;

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

    /// <summary>Creates a topic with a unique name (brokers for these specs do not auto-create).</summary>
    public static string CreateTopic(string prefix, int partitions)
    {
        KafkaNative.EnsureLoaded();
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Bootstrap }).Build();
        admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = 1 }]).GetAwaiter().GetResult();
        return name;
    }
}

/// <summary>The Kafka source against a real broker: what the mock cannot do.</summary>
public sealed class RealKafkaSourceSpecs
{
    [RealKafkaFact]
    public async Task Timestamp_starting_offsets_should_start_at_the_first_record_at_or_after_the_time()
    {
        var topic = RealKafka.CreateTopic("starting-at", 1);
        TestRecords.Produce(RealKafka.Bootstrap!, topic, Enumerable.Range(0, 10).Select(i => $"r{i}"), _ => 0); // timestamps 1000..1009
        var source = new KafkaSource<string>(new KafkaSourceOptions
        {
            BootstrapServers = RealKafka.Bootstrap!, Topics = [topic], Bounded = true, StartingOffsets = KafkaStartingOffsets.Timestamp(1007),
        }, KafkaDeserializers.Utf8);
        using var reader = new KafkaReaderDriver<string>(source, 0, 1);
        await reader.ReadAsync();
        Assert.Equal(["r7", "r8", "r9"], reader.Values);
    }
}

using ActorStream.Connectors.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

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

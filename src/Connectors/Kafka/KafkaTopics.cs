using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace ActorStream.Connectors.Kafka;

/// <summary>Creates topics that are missing.</summary>
public static class KafkaTopics
{
    /// <summary>
    /// Makes sure <paramref name="topic"/> exists, creating it with <paramref name="partitions"/> partitions when it
    /// does not. A broker that cannot create topics through the admin API (librdkafka's mock cluster) gets a
    /// metadata request for the topic instead, which creates it where the broker auto-creates topics.
    /// Returns the topic's partition count.
    /// </summary>
    public static int Ensure(string bootstrapServers, string topic, int partitions = 1, IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitions);
        using var admin = KafkaClients.Admin(bootstrapServers, properties);
        if (PartitionsOf(admin, topic) is { } existing)
            return existing;
        try
        {
            admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = -1 }],
                new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(5) }).GetAwaiter().GetResult();
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.TopicAlreadyExists or ErrorCode.NoError))
        {
        }
        catch (KafkaException)
        {
            admin.GetMetadata(topic, TimeSpan.FromSeconds(10)); // auto-creation, where the broker does it
        }
        return PartitionsOf(admin, topic) ?? throw new InvalidOperationException(
            $"Topic '{topic}' does not exist on {bootstrapServers} and could not be created: create it with {partitions} partition(s).");
    }

    private static int? PartitionsOf(IAdminClient admin, string topic)
    {
        var found = admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.FirstOrDefault(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError);
        return found is { Partitions.Count: > 0 } ? found.Partitions.Count : null;
    }
}

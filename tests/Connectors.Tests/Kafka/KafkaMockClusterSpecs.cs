using ActorStream.Connectors.Kafka;
using Confluent.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

public sealed class KafkaMockClusterSpecs
{
    [Fact]
    public void A_topic_created_on_the_mock_cluster_takes_records_and_serves_them_back_in_order()
    {
        using var cluster = new KafkaMockCluster();
        cluster.CreateTopic("numbers", partitions: 1);
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            for (var i = 0; i < 10; i++)
                producer.Produce("numbers", new Message<Null, string> { Value = $"n{i}" });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "g" }).Build();
        consumer.Assign(new TopicPartitionOffset("numbers", 0, Offset.Beginning));
        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (values.Count < 10 && DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
                values.Add(result.Message.Value);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"n{i}"), values);
        Assert.NotNull(KafkaNative.LoadedPath);
    }
}

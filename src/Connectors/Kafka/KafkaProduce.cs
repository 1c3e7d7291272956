using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>Producing with librdkafka's queue as the bound: a full queue waits for deliveries instead of growing.</summary>
internal static class KafkaProduce
{
    public static void Send(IProducer<byte[]?, byte[]?> producer, KafkaSinkRecord record, Action<DeliveryReport<byte[]?, byte[]?>>? onDelivery)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = record.Key,
            Value = record.Value,
            Timestamp = record.Timestamp == long.MinValue ? Timestamp.Default : new Timestamp(record.Timestamp, TimestampType.CreateTime),
        };
        while (true)
        {
            try
            {
                producer.Produce(record.Topic, message, onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50)); // back-pressure: serve deliveries until there is room
            }
        }
    }
}

using System.Text;

namespace ActorStream.Connectors.Kafka;

/// <summary>One record for Kafka: its topic, key and value bytes, and timestamp (<see cref="long.MinValue"/>: the producer's time).</summary>
public sealed record KafkaSinkRecord(string Topic, byte[]? Key, byte[]? Value, long Timestamp);

/// <summary>Makes Kafka records of values (Flink's KafkaRecordSerializationSchema).</summary>
public interface IKafkaRecordSerializer<in T>
{
    /// <summary>The record for <paramref name="value"/> at event time <paramref name="timestamp"/>; <paramref name="topic"/> is the sink's topic.</summary>
    KafkaSinkRecord Serialize(T value, long timestamp, string topic);
}

/// <summary>Serializers of values as UTF-8 text.</summary>
public static class KafkaSerializers
{
    /// <summary>
    /// The value as the UTF-8 text <paramref name="value"/> gives, keyed by <paramref name="key"/> (null: no key),
    /// stamped with the record's event time.
    /// </summary>
    public static IKafkaRecordSerializer<T> Utf8<T>(Func<T, string> value, Func<T, string?>? key = null) => new TextRecords<T>(value, key);

    private sealed class TextRecords<T>(Func<T, string> value, Func<T, string?>? key) : IKafkaRecordSerializer<T>
    {
        public KafkaSinkRecord Serialize(T item, long timestamp, string topic) =>
            new(topic, key?.Invoke(item) is { } k ? Encoding.UTF8.GetBytes(k) : null, Encoding.UTF8.GetBytes(value(item)), timestamp);
    }
}

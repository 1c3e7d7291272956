using System.Diagnostics.CodeAnalysis;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Turns a Kafka record into a value (Flink's KafkaRecordDeserializationSchema). A record that does
/// not deserialize is not an exception: return false with a message, and the source sends it to
/// <see cref="KafkaSource.Malformed"/> and goes on.
/// </summary>
public interface IKafkaRecordDeserializer<T>
{
    /// <summary>Deserializes <paramref name="record"/> into <paramref name="value"/>, or says why it cannot.</summary>
    bool TryDeserialize(ConsumeResult<byte[]?, byte[]?> record, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out string? error);
}

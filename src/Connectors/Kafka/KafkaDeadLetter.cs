namespace ActorStream.Connectors.Kafka;

/// <summary>
/// A Kafka record that did not deserialize: where it is, its value as text (invalid UTF-8 replaced by
/// U+FFFD, empty for a null value) and why it was rejected.
/// </summary>
public sealed record KafkaDeadLetter(string Topic, int Partition, long Offset, string Value, string Error);

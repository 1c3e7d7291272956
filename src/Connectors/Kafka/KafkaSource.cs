using ActorStream.Graph;
using ActorStream.Graph.Sources;

namespace ActorStream.Connectors.Kafka;

/// <summary>The side output every Kafka source sends its malformed records to.</summary>
public static class KafkaSource
{
    /// <summary>Records the deserializer rejected, with where they are and why; read with GetSideOutput on the source's stream.</summary>
    public static readonly OutputTag<KafkaDeadLetter> Malformed = new("kafka-malformed-records");
}

/// <summary>
/// Reads Kafka topics (Confluent.Kafka) as a replayable parallel source. Partitions are the splits:
/// each subtask reads those <see cref="KafkaPartitionOwner"/> gives it, with its own watermark per
/// partition. Positions live in checkpoints (and are committed to the consumer group only once a
/// checkpoint completes), so a restore at any parallelism resumes after the last record emitted.
/// read_committed by default; bounded, it stops at the offsets latest at the first start.
/// </summary>
public sealed class KafkaSource<T> : ISource<T>
{
    /// <summary>Reads what <paramref name="options"/> say, each record through <paramref name="deserializer"/>.</summary>
    public KafkaSource(KafkaSourceOptions options, IKafkaRecordDeserializer<T> deserializer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deserializer);
        options.Validate();
        Options = options;
        Deserializer = deserializer;
    }

    /// <summary>What the source reads.</summary>
    public KafkaSourceOptions Options { get; }

    /// <summary>Makes values of records.</summary>
    public IKafkaRecordDeserializer<T> Deserializer { get; }

    /// <inheritdoc />
    public Boundedness Boundedness => Options.Bounded ? Boundedness.Bounded : Boundedness.ContinuousUnbounded;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(SourceReaderContext context)
    {
        var limiter = Options.RecordsPerSecond is { } rate ? new RecordRateLimiter(rate / context.Parallelism, context.TimeProvider) : null;
        return new KafkaSourceReader<T>(this, context, KafkaPartitionPositions.Merge(context.RestoredState), limiter);
    }
}

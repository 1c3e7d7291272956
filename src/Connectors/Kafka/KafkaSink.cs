using ActorStream.Graph;
using ActorStream.Graph.Serialization;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Writes records to Kafka (Confluent.Kafka). Exactly-once (the default, with checkpointing) the records of
/// checkpoint N are kept in N and produced in one Kafka transaction, together with a commit marker, once N
/// completes; a restore commits N again unless the marker shows it was. So a kill -9 at any moment neither
/// loses nor repeats records, without needing to resume a transaction a dead producer opened (which
/// librdkafka cannot). See docs/adr/0001-kafka-exactly-once.md. At-least-once flushes at every checkpoint.
/// </summary>
public sealed class KafkaSink<T> : ITwoPhaseCommitSink<T, KafkaSinkTransaction>
{
    /// <summary>Writes what <paramref name="serializer"/> makes of each record where <paramref name="options"/> say.</summary>
    public KafkaSink(KafkaSinkOptions options, IKafkaRecordSerializer<T> serializer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        options.Validate();
        Options = options;
        Serializer = serializer;
    }

    /// <summary>Where and how the sink writes.</summary>
    public KafkaSinkOptions Options { get; }

    /// <summary>Makes records of values.</summary>
    public IKafkaRecordSerializer<T> Serializer { get; }

    /// <inheritdoc />
    public ITypeSerializer<KafkaSinkTransaction> CommittableSerializer => KafkaSinkTransactionSerializer.Instance;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkContext context) => new KafkaSinkWriter<T>(this, context, flushAtCheckpoints: false);

    /// <inheritdoc />
    public ITwoPhaseCommitWriter<T, KafkaSinkTransaction> CreateWriter(SinkContext context, TwoPhaseCommitRestore<KafkaSinkTransaction> restore)
    {
        if (Options.Guarantee != DeliveryGuarantee.ExactlyOnce)
            return new KafkaSinkWriter<T>(this, context, flushAtCheckpoints: Options.Guarantee == DeliveryGuarantee.AtLeastOnce);
        CloseLeftTransactions(context, restore);
        return new KafkaTransactionWriter<T>(this, context);
    }

    /// <inheritdoc />
    public ICommitter<KafkaSinkTransaction> CreateCommitter(SinkContext context) =>
        new KafkaCommitter(Options, Options.TransactionalId(context, context.SubtaskIndex));

    /// <inheritdoc />
    public int? WriterOf(KafkaSinkTransaction committable) => committable.WriterSubtask;

    /// <summary>
    /// After a restore at a lower parallelism, no writer uses the ids of the subtasks that are gone; this
    /// subtask initializes its share of them (writer mod parallelism), which settles any transaction left
    /// open, so none blocks read_committed readers until its timeout.
    /// </summary>
    private void CloseLeftTransactions(SinkContext context, TwoPhaseCommitRestore<KafkaSinkTransaction> restore)
    {
        var ids = restore.WriterStates.Select(System.Text.Encoding.UTF8.GetString).Distinct().ToList();
        for (var writer = context.Parallelism; ; writer++)
        {
            var id = Options.TransactionalId(context, writer);
            if (!ids.Contains(id))
                break;
            if (writer % context.Parallelism == context.SubtaskIndex)
                new KafkaTransactionalProducer(Options, id).Dispose();
        }
    }
}

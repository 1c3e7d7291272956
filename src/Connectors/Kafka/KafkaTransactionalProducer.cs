using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// A transactional producer of one transactional id and the commit marker that goes with it: the
/// checkpoint id, committed as the offset of (sink topic, partition 0) in the consumer group named like
/// the transactional id, inside the same transaction as the records. Creating it initializes the id,
/// which fences any earlier producer of it and settles a transaction that producer left: committed if
/// it had asked to commit, aborted otherwise. Only then is the marker read.
/// </summary>
internal sealed class KafkaTransactionalProducer : IDisposable
{
    /// <summary>How long a marker may take to show after its transaction completed (Kafka before 2.5 has no require_stable).</summary>
    private static readonly TimeSpan MarkerSettle = TimeSpan.FromSeconds(2);

    private readonly KafkaSinkOptions _options;
    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly IConsumer<byte[]?, byte[]?> _markers;
    private readonly TopicPartition _markerPartition;

    public KafkaTransactionalProducer(KafkaSinkOptions options, string transactionalId)
    {
        _options = options;
        TransactionalId = transactionalId;
        _markerPartition = new TopicPartition(options.Topic, 0);
        _producer = KafkaClients.Producer(options.ProducerConfig($"actorstream-{transactionalId}", transactionalId));
        _markers = KafkaClients.Consumer(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = transactionalId,
            EnableAutoCommit = false,
        });
        try
        {
            _producer.InitTransactions(options.RequestTimeout);
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.InvalidTransactionTimeout)
        {
            Dispose();
            throw new KafkaSinkException(
                $"The broker refuses transaction.timeout.ms = {options.TransactionTimeout.TotalMilliseconds:0}: it is above the broker's " +
                "transaction.max.timeout.ms. Lower KafkaSinkOptions.TransactionTimeout (or raise the broker's setting).", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string TransactionalId { get; }

    /// <summary>
    /// The last checkpoint whose transaction committed under this id, or -1. Waits up to a moment for it
    /// to reach <paramref name="atLeast"/>: a marker becomes readable shortly after its transaction completes.
    /// </summary>
    public long Marker(long atLeast)
    {
        var deadline = DateTime.UtcNow + MarkerSettle;
        while (true)
        {
            var marker = _markers.Committed([_markerPartition], _options.RequestTimeout).Single().Offset.Value;
            if (marker >= atLeast || DateTime.UtcNow >= deadline)
                return Math.Max(marker, -1);
            Thread.Sleep(100);
        }
    }

    /// <summary>Produces the transaction's records and its marker in one Kafka transaction and commits it.</summary>
    public void Commit(KafkaSinkTransaction transaction)
    {
        try
        {
            _producer.BeginTransaction();
            foreach (var record in transaction.Records)
                KafkaProduce.Send(_producer, record, onDelivery: null);
            if (transaction.CheckpointId != long.MaxValue) // the end of input is never restored, so it needs no marker
                _producer.SendOffsetsToTransaction([new TopicPartitionOffset(_markerPartition, transaction.CheckpointId)],
                    _markers.ConsumerGroupMetadata, _options.RequestTimeout);
            _producer.CommitTransaction(_options.RequestTimeout);
        }
        catch (KafkaException e)
        {
            if (e is KafkaTxnRequiresAbortException)
                TryAbort();
            throw new KafkaSinkException(
                $"Committing checkpoint {transaction.CheckpointId}'s {transaction.Records.Count} records with transactional id '{TransactionalId}' failed: {e.Error.Reason}. " +
                "The job restarts from its last checkpoint, which still holds them.", e);
        }
    }

    public void Dispose()
    {
        _producer.Dispose();
        _markers.Dispose();
    }

    private void TryAbort()
    {
        try
        {
            _producer.AbortTransaction(_options.RequestTimeout);
        }
        catch (KafkaException)
        {
            // The restore's initialization aborts it anyway.
        }
    }
}

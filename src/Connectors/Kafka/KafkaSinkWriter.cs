using ActorStream.Graph;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Writes records as they come (no guarantee, or at-least-once: everything produced before a checkpoint is
/// acknowledged before the checkpoint's barrier passes). A failed delivery fails the next write or flush,
/// so the job restarts from the last checkpoint rather than going on without the record.
/// </summary>
internal sealed class KafkaSinkWriter<T>(KafkaSink<T> sink, SinkContext context, bool flushAtCheckpoints)
    : ITwoPhaseCommitWriter<T, KafkaSinkTransaction>
{
    private readonly IProducer<byte[]?, byte[]?> _producer =
        KafkaClients.Producer(sink.Options.ProducerConfig($"actorstream-sink-{context.SubtaskIndex}", transactionalId: null));
    private Error? _failure;

    public void Write(T value, long timestamp)
    {
        ThrowIfFailed();
        KafkaProduce.Send(_producer, sink.Serializer.Serialize(value, timestamp, sink.Options.Topic), report =>
        {
            if (report.Error.IsError)
                _failure ??= report.Error;
        });
    }

    public void Flush(bool endOfInput)
    {
        if (endOfInput || flushAtCheckpoints)
            FlushAll();
    }

    public IReadOnlyList<KafkaSinkTransaction> PrepareCommit(long checkpointId)
    {
        if (flushAtCheckpoints || checkpointId == long.MaxValue)
            FlushAll();
        return [];
    }

    public void Dispose() => _producer.Dispose();

    private void FlushAll()
    {
        if (_producer.Flush(sink.Options.RequestTimeout) > 0)
            throw new KafkaSinkException($"Records for topic '{sink.Options.Topic}' were not acknowledged within {sink.Options.RequestTimeout.TotalSeconds:0} s.");
        ThrowIfFailed();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } error)
            throw new KafkaSinkException($"Kafka did not take a record for topic '{sink.Options.Topic}': {error.Reason} ({error.Code}).");
    }
}

/// <summary>
/// The exactly-once writer: keeps the records since the last checkpoint and hands them over at the barrier
/// as the checkpoint's transaction (kept in the checkpoint, committed once it completes). It writes nothing
/// to Kafka itself: a transaction is opened only to commit, so none stays open across a crash for long.
/// </summary>
internal sealed class KafkaTransactionWriter<T>(KafkaSink<T> sink, SinkContext context) : ITwoPhaseCommitWriter<T, KafkaSinkTransaction>
{
    private readonly string _transactionalId = sink.Options.TransactionalId(context, context.SubtaskIndex);
    private List<KafkaSinkRecord> _records = [];

    public void Write(T value, long timestamp) => _records.Add(sink.Serializer.Serialize(value, timestamp, sink.Options.Topic));

    public void Flush(bool endOfInput) { }

    public IReadOnlyList<KafkaSinkTransaction> PrepareCommit(long checkpointId)
    {
        if (_records.Count == 0)
            return [];
        var transaction = new KafkaSinkTransaction(_transactionalId, context.SubtaskIndex, checkpointId, _records);
        _records = [];
        return [transaction];
    }

    /// <summary>This writer's transactional id, so a restore at a lower parallelism can close what it left open.</summary>
    public byte[]? SnapshotState(long checkpointId) => System.Text.Encoding.UTF8.GetBytes(_transactionalId);

    public void Dispose() { }
}

/// <summary>A Kafka sink cannot write: a failed delivery, a fenced or failed transaction, a bad setting.</summary>
public sealed class KafkaSinkException(string message, Exception? inner = null) : Exception(message, inner);

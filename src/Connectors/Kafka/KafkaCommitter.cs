using ActorStream.Graph;

namespace ActorStream.Connectors.Kafka;

/// <summary>
/// Commits exactly-once Kafka sink transactions. Each goes through its writer's transactional id (a restore
/// hands all of a writer's transactions to one subtask, in order). A transaction read back from a checkpoint
/// is first checked against the id's marker: at or past its checkpoint means the previous run committed it.
/// Checkpoint ids only grow within a job, so a marker at or past N can only come from N's own commit.
/// </summary>
internal sealed class KafkaCommitter(KafkaSinkOptions options, string ownTransactionalId) : ICommitter<KafkaSinkTransaction>
{
    private KafkaTransactionalProducer? _own;

    public void Commit(IReadOnlyList<KafkaSinkTransaction> committables)
    {
        foreach (var writer in committables.GroupBy(c => c.TransactionalId))
        {
            var isOwn = writer.Key == ownTransactionalId;
            var producer = isOwn ? _own ??= new KafkaTransactionalProducer(options, ownTransactionalId) : new KafkaTransactionalProducer(options, writer.Key);
            try
            {
                var restored = writer.Where(c => c.FromCheckpoint).ToList();
                var marker = restored.Count > 0 ? producer.Marker(atLeast: restored.Max(c => c.CheckpointId)) : -1;
                foreach (var transaction in writer.OrderBy(c => c.CheckpointId))
                    if (!transaction.FromCheckpoint || transaction.CheckpointId > marker)
                        producer.Commit(transaction);
            }
            catch
            {
                if (isOwn)
                    _own = null; // a failed producer may be fenced or in error: the next commit starts a new one
                producer.Dispose();
                throw;
            }
            if (!isOwn)
                producer.Dispose(); // another writer's id (a restore at a lower parallelism): done with it
        }
    }

    public void Dispose() => _own?.Dispose();
}

using ActorStream.Connectors.Kafka;
using ActorStream.Graph;
using Confluent.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

/// <summary>
/// The exactly-once Kafka sink against a real broker (KAFKA_BOOTSTRAP): a restored transaction is committed
/// once whether or not the previous run committed it, a transaction a killed producer left open is settled
/// by the restore (so read_committed readers are not blocked), and a transaction timeout the broker refuses
/// is a clear error.
/// </summary>
public sealed class RealKafkaSinkSpecs
{
    private static string Bootstrap => RealKafka.Bootstrap!;

    private static SinkContext Context(string job, int subtask = 0, int parallelism = 1) => new("sink", subtask, parallelism, null!) { JobName = job };

    private static KafkaSink<string> Sink(string topic, TimeSpan? timeout = null) =>
        new(new KafkaSinkOptions { BootstrapServers = Bootstrap, Topic = topic, TransactionTimeout = timeout ?? TimeSpan.FromSeconds(60) },
            KafkaSerializers.Utf8<string>(v => v));

    private static KafkaSinkTransaction Restored(KafkaSinkTransaction transaction)
    {
        using var buffer = new MemoryStream();
        KafkaSinkTransactionSerializer.Instance.Serialize(transaction, new BinaryWriter(buffer));
        buffer.Position = 0;
        return KafkaSinkTransactionSerializer.Instance.Deserialize(new BinaryReader(buffer));
    }

    private static IReadOnlyList<KafkaSinkTransaction> Prepare(KafkaSink<string> sink, string job, long checkpoint, params string[] values)
    {
        using var writer = sink.CreateWriter(Context(job), TwoPhaseCommitRestore<KafkaSinkTransaction>.None);
        foreach (var value in values)
            writer.Write(value, 1_000);
        return writer.PrepareCommit(checkpoint);
    }

    [RealKafkaFact]
    public void A_restored_transaction_the_previous_run_committed_should_not_be_committed_again()
    {
        var topic = RealKafka.CreateTopic("eo-again", 1);
        var job = $"job-{Guid.NewGuid():N}";
        var sink = Sink(topic);
        var prepared = Prepare(sink, job, 7, "a", "b");
        using (var committer = sink.CreateCommitter(Context(job)))
            committer.Commit(prepared); // the run committed checkpoint 7, then was killed

        using (var restoredCommitter = sink.CreateCommitter(Context(job)))
            restoredCommitter.Commit(prepared.Select(Restored).ToList()); // the restore commits checkpoint 7's transaction again

        Assert.Equal(["a", "b"], TopicReader.Values(Bootstrap, topic));
    }

    [RealKafkaFact]
    public void A_restored_transaction_the_previous_run_did_not_commit_should_be_committed_once()
    {
        var topic = RealKafka.CreateTopic("eo-missed", 1);
        var job = $"job-{Guid.NewGuid():N}";
        var sink = Sink(topic);
        var first = Prepare(sink, job, 3, "one");
        using (var committer = sink.CreateCommitter(Context(job)))
            committer.Commit(first);
        var missed = Prepare(sink, job, 4, "two", "three"); // checkpoint 4 completed, then a kill before its commit

        using (var restoredCommitter = sink.CreateCommitter(Context(job)))
            restoredCommitter.Commit([.. first.Select(Restored), .. missed.Select(Restored)]);

        Assert.Equal(["one", "two", "three"], TopicReader.Values(Bootstrap, topic));
    }

    [RealKafkaFact]
    public void A_transaction_left_open_by_a_killed_producer_should_be_settled_by_the_restore()
    {
        var topic = RealKafka.CreateTopic("eo-open", 1);
        var job = $"job-{Guid.NewGuid():N}";
        var sink = Sink(topic);
        var prepared = Prepare(sink, job, 9, "p", "q");
        // The killed run was in the middle of committing: its transaction holds the records, open.
        var transactionalId = prepared[0].TransactionalId;
        var dead = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = Bootstrap, TransactionalId = transactionalId }).Build();
        dead.InitTransactions(TimeSpan.FromSeconds(30));
        dead.BeginTransaction();
        dead.Produce(topic, new Message<Null, string> { Value = "p" });
        dead.Flush(TimeSpan.FromSeconds(10)); // on the broker, never committed; the producer is abandoned, not closed

        using (var restoredCommitter = sink.CreateCommitter(Context(job)))
            restoredCommitter.Commit(prepared.Select(Restored).ToList());

        Assert.Equal(["p", "q"], TopicReader.Values(Bootstrap, topic)); // the open one was aborted: read_committed not blocked, no duplicate
        GC.KeepAlive(dead);
    }

    [RealKafkaFact]
    public void A_restore_at_a_lower_parallelism_should_settle_the_open_transactions_of_the_writers_that_are_gone()
    {
        var topic = RealKafka.CreateTopic("eo-gone", 1);
        var job = $"job-{Guid.NewGuid():N}";
        var sink = Sink(topic);
        var goneId = sink.Options.TransactionalId(Context(job), 1);
        var dead = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = Bootstrap, TransactionalId = goneId }).Build();
        dead.InitTransactions(TimeSpan.FromSeconds(30));
        dead.BeginTransaction();
        dead.Produce(topic, new Message<Null, string> { Value = "left open" });
        dead.Flush(TimeSpan.FromSeconds(10));

        // Writer 1 of 2 is gone after a restore at parallelism 1: writer 0 settles its id.
        var states = new[] { sink.Options.TransactionalId(Context(job), 0), goneId }.Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        using var writer = sink.CreateWriter(Context(job), new TwoPhaseCommitRestore<KafkaSinkTransaction>(states, []));

        Assert.Empty(TopicReader.Values(Bootstrap, topic));
        GC.KeepAlive(dead);
    }

    [RealKafkaFact]
    public void A_transaction_timeout_above_the_brokers_maximum_should_say_which_setting_to_change()
    {
        var topic = RealKafka.CreateTopic("eo-timeout", 1);
        var sink = Sink(topic, timeout: TimeSpan.FromHours(2)); // broker default maximum: 15 min
        var prepared = Prepare(sink, "timeout-job", 1, "x");
        using var committer = sink.CreateCommitter(Context("timeout-job"));

        var error = Assert.Throws<KafkaSinkException>(() => committer.Commit(prepared));
        Assert.Contains("transaction.max.timeout.ms", error.Message);
        Assert.Contains("KafkaSinkOptions.TransactionTimeout", error.Message);
    }
}

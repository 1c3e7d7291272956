using ActorStream.Connectors.Kafka;
using ActorStream.Graph;
using Confluent.Kafka;

namespace ActorStream.Connectors.Tests.Kafka;

/// <summary>The Kafka sink's plumbing on the mock cluster (which fakes transactions, so nothing here claims exactly-once).</summary>
public sealed class KafkaSinkSpecs(MockKafka kafka) : IClassFixture<MockKafka>
{
    private static SinkContext Context(int subtask = 0, int parallelism = 1) => new("sink", subtask, parallelism, null!) { JobName = "sink-specs" };

    private KafkaSink<string> Sink(string topic, DeliveryGuarantee guarantee) =>
        new(new KafkaSinkOptions { BootstrapServers = kafka.Bootstrap, Topic = topic, Guarantee = guarantee }, KafkaSerializers.Utf8<string>(v => v, v => v[..1]));

    [Fact]
    public void At_least_once_should_have_every_record_acknowledged_when_the_barrier_passes()
    {
        kafka.Cluster.CreateTopic("alo-out");
        var sink = Sink("alo-out", DeliveryGuarantee.AtLeastOnce);
        using var writer = sink.CreateWriter(Context(), TwoPhaseCommitRestore<KafkaSinkTransaction>.None);
        foreach (var value in new[] { "a1", "b2", "c3" })
            writer.Write(value, 1_000);

        Assert.Empty(writer.PrepareCommit(1)); // nothing left to commit: it is all in Kafka
        Assert.Equal(["a1", "b2", "c3"], TopicReader.Values(kafka.Bootstrap, "alo-out"));
    }

    [Fact]
    public void Exactly_once_should_produce_nothing_before_the_checkpoint_completes_and_everything_when_it_does()
    {
        kafka.Cluster.CreateTopic("eo-out");
        var sink = Sink("eo-out", DeliveryGuarantee.ExactlyOnce);
        using var writer = sink.CreateWriter(Context(), TwoPhaseCommitRestore<KafkaSinkTransaction>.None);
        writer.Write("x1", 5);
        writer.Write("y2", 6);
        var prepared = writer.PrepareCommit(3);
        writer.Write("z3", 7);

        var transaction = Assert.Single(prepared);
        Assert.Equal(("actorstream-sink-specs-sink-0", 0, 3L, 2), (transaction.TransactionalId, transaction.WriterSubtask, transaction.CheckpointId, transaction.Records.Count));
        Assert.Empty(TopicReader.Values(kafka.Bootstrap, "eo-out"));
        using (var committer = sink.CreateCommitter(Context()))
            committer.Commit(prepared);
        Assert.Equal(["x1", "y2"], TopicReader.Values(kafka.Bootstrap, "eo-out"));
        Assert.Equal("z3", Assert.Single(writer.PrepareCommit(4)).Records.Select(r => System.Text.Encoding.UTF8.GetString(r.Value!)).Single());
    }

    [Fact]
    public void A_transaction_should_survive_the_checkpoint_round_trip_marked_as_restored()
    {
        var original = new KafkaSinkTransaction("t-3", 3, 42, [new("topic", [1], null, 99), new("other", null, [2, 3], long.MinValue)]);
        using var buffer = new MemoryStream();
        KafkaSinkTransactionSerializer.Instance.Serialize(original, new BinaryWriter(buffer));
        buffer.Position = 0;

        var restored = KafkaSinkTransactionSerializer.Instance.Deserialize(new BinaryReader(buffer));

        Assert.True(restored.FromCheckpoint);
        Assert.False(original.FromCheckpoint);
        Assert.Equal((original.TransactionalId, original.WriterSubtask, original.CheckpointId), (restored.TransactionalId, restored.WriterSubtask, restored.CheckpointId));
        Assert.Equal(original.Records.Select(r => (r.Topic, Hex(r.Key), Hex(r.Value), r.Timestamp)), restored.Records.Select(r => (r.Topic, Hex(r.Key), Hex(r.Value), r.Timestamp)));
    }

    [Fact]
    public void A_restore_should_hand_each_writers_transactions_to_one_subtask()
    {
        var sink = Sink("any", DeliveryGuarantee.ExactlyOnce);
        Assert.Equal(5, ((ITwoPhaseCommitSink<string, KafkaSinkTransaction>)sink).WriterOf(new KafkaSinkTransaction("t", 5, 1, [])));
    }

    [Fact]
    public void Options_that_cannot_work_should_name_the_option_to_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => new KafkaSinkOptions { BootstrapServers = "h:1", Topic = " " }.Validate());
        Assert.Contains("KafkaSinkOptions.Topic", error.Message);
        error = Assert.Throws<ArgumentException>(() => new KafkaSinkOptions
        {
            BootstrapServers = "h:1", Topic = "t", Properties = new Dictionary<string, string> { ["transactional.id"] = "x" },
        }.Validate());
        Assert.Contains("'transactional.id'", error.Message);
    }

    private static string Hex(byte[]? bytes) => bytes is null ? "null" : Convert.ToHexString(bytes);
}

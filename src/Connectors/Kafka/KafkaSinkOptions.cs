using ActorStream.Graph;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>Where a <see cref="KafkaSink{T}"/> writes and with which guarantee.</summary>
public sealed record KafkaSinkOptions
{
    /// <summary>The brokers, "host:port,...".</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>The topic records go to unless the serializer names another; exactly-once also keeps its commit markers on its partition 0.</summary>
    public required string Topic { get; init; }

    /// <summary>
    /// With checkpointing: exactly-once (the default: a Kafka transaction per checkpoint, committed once the
    /// checkpoint completes), at-least-once (flushed at every checkpoint) or none. Without checkpointing
    /// records are produced as they come.
    /// </summary>
    public DeliveryGuarantee Guarantee { get; init; } = DeliveryGuarantee.ExactlyOnce;

    /// <summary>
    /// The start of the transactional ids, "PREFIX-SUBTASK". Default: "actorstream-JOB-SINK_UID", so two jobs
    /// (or two sinks) never fence each other. Two runs of one job at once must not share it.
    /// </summary>
    public string? TransactionalIdPrefix { get; init; }

    /// <summary>
    /// transaction.timeout.ms. A transaction is open only while a completed checkpoint's records are produced,
    /// so the default, 60 s, is far below a broker's transaction.max.timeout.ms (15 min by default).
    /// </summary>
    public TimeSpan TransactionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Further librdkafka producer properties; they override the sink's own.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a flush, a commit or a marker lookup may take before the subtask fails (and restarts).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws with the option to fix when the options cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
            throw new ArgumentException("KafkaSinkOptions.BootstrapServers is empty: give the brokers as host:port[,host:port].");
        if (string.IsNullOrWhiteSpace(Topic))
            throw new ArgumentException("KafkaSinkOptions.Topic is empty: name the topic to write.");
        if (TransactionTimeout < TimeSpan.FromSeconds(1))
            throw new ArgumentException("KafkaSinkOptions.TransactionTimeout is under a second: give it room to produce a checkpoint's records.");
        foreach (var key in new[] { "bootstrap.servers", "transactional.id" })
            if (Properties.ContainsKey(key))
                throw new ArgumentException($"KafkaSinkOptions.Properties sets '{key}', which the sink sets itself: remove it.");
    }

    /// <summary>The transactional id of writer subtask <paramref name="subtask"/> of the sink in <paramref name="context"/>.</summary>
    internal string TransactionalId(SinkContext context, int subtask) =>
        $"{TransactionalIdPrefix ?? $"actorstream-{context.JobName}-{context.OperatorUid}"}-{subtask}";

    /// <summary>The producer configuration, transactional when <paramref name="transactionalId"/> is given.</summary>
    internal ProducerConfig ProducerConfig(string clientId, string? transactionalId)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            ClientId = clientId,
            EnableIdempotence = Guarantee != DeliveryGuarantee.None,
            LingerMs = 5,
            MessageTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
        };
        if (transactionalId is not null)
        {
            config.TransactionalId = transactionalId;
            config.TransactionTimeoutMs = (int)TransactionTimeout.TotalMilliseconds;
        }
        foreach (var (key, value) in Properties)
            config.Set(key, value);
        return config;
    }
}

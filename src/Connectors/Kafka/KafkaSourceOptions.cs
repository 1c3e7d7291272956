using System.Text.RegularExpressions;
using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>What a <see cref="KafkaSource{T}"/> reads and how.</summary>
public sealed record KafkaSourceOptions
{
    /// <summary>The brokers, "host:port,...".</summary>
    public required string BootstrapServers { get; init; }

    /// <summary>The topics to read; or set <see cref="TopicPattern"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Reads every topic whose whole name matches (internal topics excepted); new ones are found by discovery.</summary>
    public Regex? TopicPattern { get; init; }

    /// <summary>
    /// The consumer group whose committed offsets <see cref="KafkaStartingOffsets.Committed"/> reads and to which
    /// the offsets of each completed checkpoint are committed (for monitoring; the checkpoint is what counts).
    /// The group never assigns partitions: the subtasks share them deterministically.
    /// </summary>
    public string? GroupId { get; init; }

    /// <summary>Where partitions without a checkpointed position start. Default: earliest.</summary>
    public KafkaStartingOffsets StartingOffsets { get; init; } = KafkaStartingOffsets.Earliest;

    /// <summary>
    /// Stops at the offsets that were the latest when the job first started (kept in checkpoints, so a
    /// restore stops at the same place); the source then ends, for BATCH runs and tests.
    /// </summary>
    public bool Bounded { get; init; }

    /// <summary>How often an unbounded source looks for new partitions and topics; zero turns discovery off. Default: 30 s.</summary>
    public TimeSpan PartitionDiscoveryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether completed checkpoints commit their offsets to <see cref="GroupId"/>. Default: true.</summary>
    public bool CommitOffsetsOnCheckpoint { get; init; } = true;

    /// <summary>The total rate limit in records per second over all subtasks (a test aid), or null.</summary>
    public double? RecordsPerSecond { get; init; }

    /// <summary>
    /// Further librdkafka consumer properties (they override the source's own, e.g. isolation.level, whose
    /// default here is read_committed). group.id, enable.auto.commit and enable.partition.eof are the source's.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Receives librdkafka's statistics (JSON) of each subtask's consumer every statistics.interval.ms (set it in
    /// <see cref="Properties"/>), e.g. to export fetch-queue and lag figures.
    /// </summary>
    public Action<string>? StatisticsHandler { get; init; }

    /// <summary>How long a metadata or offset request may take before the subtask fails (and restarts).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws with the option to fix when the options cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
            throw new ArgumentException("KafkaSourceOptions.BootstrapServers is empty: give the brokers as host:port[,host:port].");
        if ((Topics.Count == 0) == (TopicPattern is null))
            throw new ArgumentException("A Kafka source reads either KafkaSourceOptions.Topics or a TopicPattern: set exactly one.");
        if (Topics.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("KafkaSourceOptions.Topics has an empty topic name.");
        if (StartingOffsets is KafkaStartingOffsets.CommittedOffsets && GroupId is null)
            throw new ArgumentException("Committed starting offsets need KafkaSourceOptions.GroupId: name the consumer group.");
        if (RecordsPerSecond is { } rate)
            Graph.Sources.RecordRateLimiter.ValidateRate(rate, nameof(RecordsPerSecond));
        foreach (var key in new[] { "group.id", "enable.auto.commit", "enable.partition.eof", "bootstrap.servers" })
            if (Properties.ContainsKey(key))
                throw new ArgumentException($"KafkaSourceOptions.Properties sets '{key}', which the source sets itself: remove it.");
    }

    /// <summary>Whether <paramref name="topic"/> is one this source reads.</summary>
    public bool Reads(string topic) =>
        TopicPattern is { } pattern ? !topic.StartsWith("__", StringComparison.Ordinal) && pattern.IsMatch(topic) && pattern.Match(topic).Length == topic.Length
        : Topics.Contains(topic, StringComparer.Ordinal);

    /// <summary>The librdkafka configuration of subtask <paramref name="subtask"/>'s consumer.</summary>
    internal ConsumerConfig ConsumerConfig(int subtask)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            ClientId = $"actorstream-source-{subtask}",
            EnableAutoCommit = false,
            EnablePartitionEof = Bounded,
            IsolationLevel = IsolationLevel.ReadCommitted,
            // librdkafka prefetches into a queue; bounding it is what keeps memory flat while the subtask is back-pressured.
            QueuedMaxMessagesKbytes = 16 * 1024,
            QueuedMinMessages = 10_000,
            SocketTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
        };
        // Confluent.Kafka insists on a group; without one the source never commits or joins, so any name does.
        config.GroupId = GroupId ?? "actorstream-source";
        foreach (var (key, value) in Properties)
            config.Set(key, value);
        return config;
    }
}

using Confluent.Kafka;

namespace ActorStream.Connectors.Kafka;

/// <summary>Builds Confluent.Kafka clients after loading librdkafka, with librdkafka's log at warning and above.</summary>
internal static class KafkaClients
{
    public static IConsumer<byte[]?, byte[]?> Consumer(ConsumerConfig config, Action<string>? statistics = null)
    {
        KafkaNative.EnsureLoaded();
        var builder = new ConsumerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, m) => Log(m)).SetErrorHandler((_, _) => { });
        if (statistics is not null)
            builder.SetStatisticsHandler((_, json) => statistics(json));
        return builder.Build();
    }

    public static IProducer<byte[]?, byte[]?> Producer(ProducerConfig config)
    {
        KafkaNative.EnsureLoaded();
        return new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, m) => Log(m)).SetErrorHandler((_, _) => { }).Build();
    }

    public static IAdminClient Admin(string bootstrapServers, IReadOnlyDictionary<string, string>? properties = null)
    {
        KafkaNative.EnsureLoaded();
        var config = new AdminClientConfig { BootstrapServers = bootstrapServers };
        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
            config.Set(key, value);
        return new AdminClientBuilder(config).SetLogHandler((_, m) => Log(m)).SetErrorHandler((_, _) => { }).Build();
    }

    // Errors that librdkafka retries by itself (a broker down) come as log lines too; the ones that are
    // fatal surface as exceptions from the calls, which fail the subtask and restart it.
    private static void Log(LogMessage message)
    {
        if (message.Level <= SyslogLevel.Warning)
            Console.Error.WriteLine($"[kafka {message.Name}] {message.Facility}: {message.Message}");
    }
}

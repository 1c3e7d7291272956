using ActorStream.Connectors.Kafka;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Kafka for the click jobs: the options, and the input as lines from a file or a topic. Read from
/// Kafka, a record whose value is not text (null, or not UTF-8) is a malformed line like any other.
/// </summary>
public static class ClickKafka
{
    /// <summary>The brokers.</summary>
    public static readonly JobOption BootstrapServers = new("bootstrap-servers", "Kafka brokers host:port[,...], to read a topic instead of a file.");

    /// <summary>Stop at the offsets latest at the first start.</summary>
    public static readonly JobOption Bounded = new("bounded",
        "With Kafka input: stop at the offsets that were the latest when the job first started (kept across restores).", IsFlag: true);

    /// <summary>Where partitions without a checkpointed position start.</summary>
    public static readonly JobOption StartingOffsets = new("starting-offsets",
        "With Kafka input: earliest, latest, committed (falling back to earliest), committed-latest or timestamp:EPOCH_MS.", Default: "earliest");

    /// <summary>The consumer group.</summary>
    public static readonly JobOption GroupId = new("group-id",
        "With Kafka input: the consumer group for committed starting offsets; each completed checkpoint commits its offsets there.");

    /// <summary>The input options, the topic under <paramref name="topicOption"/>.</summary>
    public static IReadOnlyList<JobOption> InputOptions(JobOption topicOption) => [BootstrapServers, topicOption, Bounded, StartingOffsets, GroupId];

    /// <summary>
    /// The input lines, one subtask: the file of <paramref name="fileOption"/>, or the topic of <paramref name="topicOption"/>
    /// (all partitions, each in order); exactly one must be given. Malformed Kafka records come as dead letters.
    /// </summary>
    public static (DataStream<string> Lines, DataStream<DeadLetter>? Malformed) ReadLines(StreamExecutionEnvironment env, JobParameters parameters,
        JobOption fileOption, JobOption topicOption)
    {
        var hasFile = parameters.Has(fileOption.Name);
        var hasTopic = parameters.Has(topicOption.Name);
        if (hasFile == hasTopic)
            throw new JobParameterException(fileOption.Name,
                $"give {fileOption.Flag} FILE, or {BootstrapServers.Flag} HOST:PORT {topicOption.Flag} TOPIC (not both).");
        if (hasFile)
            return (env.ReadTextFile(parameters.GetExistingPath(fileOption.Name), recordsPerSecond: TestAids.RateOf(parameters))
                .SetParallelism(1).Uid("read-clicks"), null);

        var source = new KafkaSource<string>(SourceOptions(parameters, topicOption), KafkaDeserializers.Utf8);
        var lines = env.FromSource(source, WatermarkStrategy<string>.NoWatermarks(), "kafka-clicks").SetParallelism(1).Uid("read-clicks");
        var malformed = lines.GetSideOutput(KafkaSource.Malformed).Map(d => new DeadLetter(d.Value, d.Error)).SetParallelism(1).Name("kafka-malformed");
        return (lines, malformed);
    }

    /// <summary>The brokers, required once any Kafka option is used.</summary>
    public static string BootstrapOf(JobParameters parameters) => parameters.Get(BootstrapServers.Name)
        ?? throw new JobParameterException(BootstrapServers.Name, "Kafka topics need the brokers: give --bootstrap-servers HOST:PORT.");

    private static KafkaSourceOptions SourceOptions(JobParameters parameters, JobOption topicOption)
    {
        KafkaStartingOffsets starting;
        try
        {
            starting = KafkaStartingOffsets.Parse(parameters.Get(StartingOffsets.Name, "earliest"));
        }
        catch (FormatException e)
        {
            throw new JobParameterException(StartingOffsets.Name, e.Message);
        }
        var options = new KafkaSourceOptions
        {
            BootstrapServers = BootstrapOf(parameters),
            Topics = [parameters.GetRequired(topicOption.Name)],
            GroupId = parameters.Get(GroupId.Name),
            StartingOffsets = starting,
            Bounded = parameters.IsSet(Bounded.Name),
            RecordsPerSecond = TestAids.RateOf(parameters),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new JobParameterException(GroupId.Name, e.Message);
        }
        return options;
    }
}

using ActorStream.Connectors.Files;
using ActorStream.Connectors.Formats;
using ActorStream.Connectors.Kafka;
using ActorStream.Examples.Common;
using ActorStream.Graph;

namespace ActorStream.Examples.Clicks;

/// <summary>
/// Totals click events per item in tumbling event-time windows with allowed lateness (<see cref="ClickPipeline"/>).
/// Reads a file or a Kafka topic. Every firing (on time and each late one) is a JSON line in DIR, or in topic O
/// (keyed by item, exactly-once); events past the lateness go, as the lines they came in, to DIR/late/ or O-late, malformed lines to
/// DIR/errors/ or O-errors.
/// </summary>
public sealed class ClicksJob : ExampleJob
{
    private static readonly JobOption Input = new("input",
        "JSON-lines file (or directory) of {\"user\",\"item\",\"action\",\"price\",\"ts\"} events; ts in epoch ms. Or read --input-topic.", IsPath: true);

    private static readonly JobOption InputTopic = new("input-topic", "Kafka topic of the events (one JSON line per record), instead of --input.");

    private static readonly JobOption Output = new("output",
        "Directory for window totals (part files), late/ (events past the lateness) and errors/ (malformed lines). Or write --output-topic.", IsPath: true);

    private static readonly JobOption OutputTopic = new("output-topic",
        "Kafka topic for window totals (key: item), exactly-once; late events go to O-late and malformed lines to O-errors. Created when missing.");

    /// <inheritdoc />
    public override string Name => "clicks";

    /// <inheritdoc />
    public override string Description => "Totals clicks, carts and buys per item in tumbling event-time windows with allowed lateness; STREAMING unless --mode batch.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        Input,
        Output,
        JobFiles.Overwrite,
        .. ClickKafka.InputOptions(InputTopic),
        OutputTopic,
        .. ClickPipeline.Options,
        TestAids.Rate,
        TestAids.InjectFailureAfter,
        SlowSink.Option,
    ];

    /// <inheritdoc />
    public override void Prepare(JobParameters parameters)
    {
        // Given a topic as well, Build says to give one of them: that comes first.
        if (!parameters.Has(InputTopic.Name))
            JobFiles.CheckTextInput(parameters, Input.Name);
        if (!parameters.Has(OutputTopic.Name))
            JobFiles.PrepareOutput(parameters, Output.Name, "errors", "late");
    }

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        if (parameters.Has(Output.Name) == parameters.Has(OutputTopic.Name))
            throw new JobParameterException(Output.Name, $"give {Output.Flag} DIR, or {OutputTopic.Flag} TOPIC with {ClickKafka.BootstrapServers.Flag} (not both).");
        var (lines, malformed) = ClickKafka.ReadLines(env, parameters, Input, InputTopic);
        var streams = ClickPipeline.Build(env, lines, parameters);
        var errors = malformed is null ? streams.Errors : streams.Errors.Union(malformed);
        if (parameters.Get(Output.Name) is { } output)
        {
            errors.SinkTo(new FileSink<DeadLetter>(Path.Combine(output, "errors"), JsonLines.Encode, ".jsonl"), "errors").Uid("errors");
            streams.Totals.SinkTo(SlowSink.Of(new FileSink<ItemWindowTotals>(output, JsonLines.Encode, ".jsonl"), parameters), "window-totals")
                .Uid("window-totals");
            streams.Late.SinkTo(new FileSink<string>(Path.Combine(output, "late"), line => line, ".jsonl"), "late").Uid("late");
            return;
        }
        var bootstrap = ClickKafka.BootstrapOf(parameters);
        var topic = parameters.GetRequired(OutputTopic.Name);
        KafkaSink<TOut> Sink<TOut>(string name, Func<TOut, string?>? key, Func<TOut, string>? value = null)
        {
            KafkaTopics.Ensure(bootstrap, name);
            return new KafkaSink<TOut>(new KafkaSinkOptions { BootstrapServers = bootstrap, Topic = name },
                KafkaSerializers.Utf8(value ?? (v => JsonLines.Encode(v)), key));
        }
        streams.Totals.SinkTo(SlowSink.Of(Sink<ItemWindowTotals>(topic, t => t.Item), parameters), "window-totals").Uid("window-totals");
        streams.Late.SinkTo(Sink<string>(topic + "-late", null, line => line), "late").Uid("late");
        errors.SinkTo(Sink<DeadLetter>(topic + "-errors", null), "errors").Uid("errors");
    }
}

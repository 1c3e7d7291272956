using ActorStream.Connectors.Files;
using ActorStream.Graph;

namespace ActorStream.Examples.WordCount;

/// <summary>
/// Counts words in text files, as Flink's WordCount example. Bounded input in BATCH (or AUTOMATIC)
/// mode writes one "word\tcount" line per word; STREAMING mode writes every running count.
/// </summary>
public sealed class WordCountJob : ExampleJob
{
    /// <inheritdoc />
    public override string Name => "wordcount";

    /// <inheritdoc />
    public override string Description => "Counts the words of a text file or directory into tab-separated part files.";

    /// <inheritdoc />
    public override IReadOnlyList<JobOption> Options { get; } =
    [
        new("input", "Text file, or directory of text files, to read.", Required: true, IsPath: true),
        new("output", "Directory for the part files with one \"word<TAB>count\" line each.", Required: true, IsPath: true),
        JobFiles.Overwrite,
    ];

    /// <inheritdoc />
    public override void Prepare(JobParameters parameters)
    {
        JobFiles.CheckTextInput(parameters, "input");
        // Like Hadoop's output check: parts of an earlier run (maybe at another parallelism) would mix with this run's.
        JobFiles.PrepareOutput(parameters, "output");
    }

    /// <inheritdoc />
    public override void Build(StreamExecutionEnvironment env, JobParameters parameters)
    {
        var input = parameters.GetExistingPath("input");
        var output = parameters.GetRequired("output");

        env.ReadTextFile(input).Uid("read-text")
            .FlatMap(new Tokenizer()).Name("tokenize").Uid("tokenize")
            .KeyBy(pair => pair.Word)
            .Sum(pair => pair.Count).Name("count").Uid("count")
            .Map(counted => $"{counted.Key}\t{counted.Value}").Name("format").Uid("format")
            .SinkTo(new FileSink<string>(output, suffix: ".txt"), "word-counts").Uid("word-counts");
    }
}

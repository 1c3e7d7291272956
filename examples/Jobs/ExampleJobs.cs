using ActorStream.Examples.Clicks;
using ActorStream.Examples.Demo;
using ActorStream.Examples.Fraud;
using ActorStream.Examples.WordCount;

namespace ActorStream.Examples;

/// <summary>The catalogue of example jobs the CLI knows by name.</summary>
public static class ExampleJobs
{
    /// <summary>Every example job, in the order they are listed.</summary>
    public static IReadOnlyList<ExampleJob> All { get; } = [new WordCountJob(), new FraudDetectionJob(), new ClicksJob(), new AmazonEtlJob(), new DemoClicksJob()];

    /// <summary>The job named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ExampleJob? Find(string name) =>
        All.FirstOrDefault(job => string.Equals(job.Name, name, StringComparison.OrdinalIgnoreCase));
}

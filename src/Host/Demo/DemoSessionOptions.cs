namespace ActorStream.Host.Demo;

/// <summary>The settings of one demo run, as given on the command line.</summary>
internal sealed record DemoSessionOptions(int Seconds, double EventsPerSecond, int? Parallelism, string OutputDirectory)
{
    /// <summary>How often a log line is written when output is redirected.</summary>
    public TimeSpan LogInterval { get; init; } = TimeSpan.FromSeconds(1);
}

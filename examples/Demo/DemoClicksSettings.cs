namespace ActorStream.Examples.Demo;

/// <summary>How the click demo runs: its event rate, how many events (null: until stopped) and where it writes.</summary>
public sealed record DemoClicksSettings(double? EventsPerSecond, long? Count, string OutputDirectory)
{
    /// <summary>The default event rate over all source subtasks.</summary>
    public const double DefaultEventsPerSecond = 5_000;

    /// <summary>The default output directory.</summary>
    public const string DefaultOutputDirectory = "out/demo";

    /// <summary>Where the per-item totals of each closed window go, as JSON lines.</summary>
    public string WindowsDirectory => Path.Combine(OutputDirectory, "windows");

    /// <summary>Where the rejected events go, as JSON lines.</summary>
    public string RejectedDirectory => Path.Combine(OutputDirectory, "rejected");
}

namespace ActorStream.Graph.Runtime;

/// <summary>Well-known watermark values.</summary>
public static class Watermarks
{
    /// <summary>No event time has passed yet.</summary>
    public const long Min = long.MinValue;

    /// <summary>End of event time: emitted when a bounded input ends.</summary>
    public const long Max = long.MaxValue;
}

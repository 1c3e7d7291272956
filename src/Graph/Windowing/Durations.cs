namespace ActorStream.Graph.Windowing;

/// <summary>Converts the API's TimeSpans to the engine's milliseconds.</summary>
internal static class Durations
{
    /// <summary>Whole milliseconds of <paramref name="span"/>, truncated toward zero like Flink's Duration.toMillis.</summary>
    public static long ToMillis(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMillisecond;
}

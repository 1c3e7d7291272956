namespace ActorStream.Graph.Windowing;

/// <summary>Checks shared by the event-time assigners.</summary>
internal static class EventTimeAssigners
{
    /// <summary>Throws when an element reached an event-time window without a timestamp.</summary>
    public static void RequireTimestamp(long timestamp, string assigner)
    {
        if (timestamp == long.MinValue)
            throw new InvalidOperationException(
                $"{assigner}: record has no timestamp (long.MinValue). Event-time windows need timestamps: give the source a " +
                "WatermarkStrategy with a timestamp assigner, or call AssignTimestampsAndWatermarks(...) before the window.");
    }
}

namespace ActorStream.Graph.Windowing;

/// <summary>An element held in an evicting window, with its event timestamp (or long.MinValue when it has none).</summary>
public readonly record struct TimestampedValue<T>(T Value, long Timestamp)
{
    /// <summary>True when the element carries an event timestamp.</summary>
    public bool HasTimestamp => Timestamp != long.MinValue;
}

namespace ActorStream.Graph.Runtime;

/// <summary>A record value with its event timestamp (or <see cref="NoTimestamp"/>).</summary>
public readonly record struct StreamRecord<T>(T Value, long Timestamp)
{
    /// <summary>The timestamp of a record that has none.</summary>
    public const long NoTimestamp = long.MinValue;

    /// <summary>True when the record carries an event timestamp.</summary>
    public bool HasTimestamp => Timestamp != NoTimestamp;
}

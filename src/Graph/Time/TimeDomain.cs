namespace ActorStream.Graph;

/// <summary>Which clock a timer belongs to.</summary>
public enum TimeDomain
{
    /// <summary>Fires when the watermark passes the timer's timestamp.</summary>
    EventTime,

    /// <summary>Fires when the wall clock passes the timer's timestamp.</summary>
    ProcessingTime,
}

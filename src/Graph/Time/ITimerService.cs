namespace ActorStream.Graph;

/// <summary>Time and timers as a process function sees them. Timers are scoped to the current key.</summary>
public interface ITimerService
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime();

    /// <summary>The current event time (the operator's watermark).</summary>
    long CurrentWatermark();

    /// <summary>Calls OnTimer when the watermark reaches <paramref name="time"/>; one timer per key and timestamp.</summary>
    void RegisterEventTimeTimer(long time);

    /// <summary>Calls OnTimer when processing time reaches <paramref name="time"/>; one timer per key and timestamp.</summary>
    void RegisterProcessingTimeTimer(long time);

    /// <summary>Deletes the current key's event-time timer at <paramref name="time"/>, if any.</summary>
    void DeleteEventTimeTimer(long time);

    /// <summary>Deletes the current key's processing-time timer at <paramref name="time"/>, if any.</summary>
    void DeleteProcessingTimeTimer(long time);
}

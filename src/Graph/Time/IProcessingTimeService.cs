namespace ActorStream.Graph;

/// <summary>
/// The processing-time clock of a subtask and its callbacks. The runtime calls back on the
/// subtask's own thread between batches, never concurrently with record processing.
/// </summary>
public interface IProcessingTimeService
{
    /// <summary>The current processing time, in epoch milliseconds.</summary>
    long CurrentProcessingTime { get; }

    /// <summary>
    /// Calls <paramref name="onTime"/> with the current time once processing time reaches <paramref name="timestamp"/>;
    /// the returned handle cancels the call.
    /// </summary>
    ScheduledCallback ScheduleAt(long timestamp, Action<long> onTime);
}

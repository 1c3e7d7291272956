using ActorStream.Graph;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Processing time of one subtask: callbacks wait in a queue and the subtask keeps one actor
/// timer for the earliest, so they run on the subtask's own thread between batches.
/// </summary>
internal sealed class ActorProcessingTimeService(TimeProvider time, Action<TimeSpan> scheduleWakeUp) : IProcessingTimeService
{
    private readonly PriorityQueue<Action<long>, long> _callbacks = new();
    private long _wakeUpAt = long.MaxValue;

    public long CurrentProcessingTime => time.GetUtcNow().ToUnixTimeMilliseconds();

    public void ScheduleAt(long timestamp, Action<long> onTime)
    {
        _callbacks.Enqueue(onTime, timestamp);
        if (timestamp < _wakeUpAt)
            WakeUpAt(timestamp, CurrentProcessingTime);
    }

    /// <summary>Runs the callbacks that are due (the subtask calls this when its timer fires).</summary>
    public void FireDue()
    {
        var now = CurrentProcessingTime;
        _wakeUpAt = long.MaxValue;
        while (_callbacks.TryPeek(out var callback, out var due) && due <= now)
        {
            _callbacks.Dequeue();
            callback(now);
        }
        if (_callbacks.TryPeek(out _, out var next))
            WakeUpAt(next, now);
    }

    private void WakeUpAt(long timestamp, long now)
    {
        _wakeUpAt = timestamp;
        // An actor timer may fire a little early; FireDue then finds nothing due and waits again.
        scheduleWakeUp(TimeSpan.FromMilliseconds(Math.Max(1, timestamp - now)));
    }
}

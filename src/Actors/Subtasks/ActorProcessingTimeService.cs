using ActorStream.Graph;

namespace ActorStream.Actors.Subtasks;

/// <summary>
/// Processing time of one subtask: callbacks wait in a queue and the subtask keeps one actor
/// timer for the earliest, so they run on the subtask's own thread between batches. A cancelled
/// callback leaves the queue when it surfaces; cancelling the earliest re-arms the timer for the next.
/// </summary>
internal sealed class ActorProcessingTimeService(TimeProvider time, Action<TimeSpan> scheduleWakeUp, Action cancelWakeUp)
    : IProcessingTimeService
{
    private readonly PriorityQueue<ScheduledCallback, long> _callbacks = new();
    private long _wakeUpAt = long.MaxValue;

    public long CurrentProcessingTime => time.GetUtcNow().ToUnixTimeMilliseconds();

    public ScheduledCallback ScheduleAt(long timestamp, Action<long> onTime)
    {
        var callback = new ScheduledCallback(timestamp, onTime, OnCancelled);
        _callbacks.Enqueue(callback, timestamp);
        if (timestamp < _wakeUpAt)
            WakeUpAt(timestamp, CurrentProcessingTime);
        return callback;
    }

    /// <summary>How long until the earliest callback is due (zero or less: due now), or null when none waits.</summary>
    public TimeSpan? UntilNextDue() =>
        _callbacks.TryPeek(out _, out var next) ? TimeSpan.FromMilliseconds(next - CurrentProcessingTime) : null;

    /// <summary>Runs the callbacks that are due (the subtask calls this when its timer fires); returns how many ran.</summary>
    public int FireDue()
    {
        var now = CurrentProcessingTime;
        _wakeUpAt = long.MaxValue;
        var fired = 0;
        while (_callbacks.TryPeek(out var callback, out var due) && due <= now)
        {
            _callbacks.Dequeue();
            callback.Run(now);
            fired++;
        }
        RearmForNext(now);
        return fired;
    }

    private void OnCancelled(ScheduledCallback callback)
    {
        if (callback.Timestamp > _wakeUpAt)
            return;
        _wakeUpAt = long.MaxValue;
        RearmForNext(CurrentProcessingTime);
    }

    private void RearmForNext(long now)
    {
        while (_callbacks.TryPeek(out var head, out _) && head.IsCancelled)
            _callbacks.Dequeue();
        if (_callbacks.TryPeek(out _, out var next))
            WakeUpAt(next, now);
        else
            cancelWakeUp();
    }

    private void WakeUpAt(long timestamp, long now)
    {
        _wakeUpAt = timestamp;
        // An actor timer may fire a little early; FireDue then finds nothing due and waits again.
        scheduleWakeUp(TimeSpan.FromMilliseconds(Math.Max(1, timestamp - now)));
    }
}

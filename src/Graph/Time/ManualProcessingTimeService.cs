namespace ActorStream.Graph;

/// <summary>A processing-time clock that moves only when told: for operator tests that must never sleep.</summary>
public sealed class ManualProcessingTimeService(long start = 0) : IProcessingTimeService
{
    private readonly PriorityQueue<ScheduledCallback, long> _scheduled = new();
    private int _cancelled;

    /// <inheritdoc />
    public long CurrentProcessingTime { get; private set; } = start;

    /// <summary>How many callbacks wait (cancelled ones excluded).</summary>
    public int Pending => _scheduled.Count - _cancelled;

    /// <summary>The times of the callbacks that wait, earliest first.</summary>
    public IReadOnlyList<long> PendingTimes =>
        [.. _scheduled.UnorderedItems.Where(e => !e.Element.IsCancelled).Select(e => e.Priority).Order()];

    /// <inheritdoc />
    public ScheduledCallback ScheduleAt(long timestamp, Action<long> onTime)
    {
        var callback = new ScheduledCallback(timestamp, onTime, _ => _cancelled++);
        _scheduled.Enqueue(callback, timestamp);
        return callback;
    }

    /// <summary>Moves the clock to <paramref name="time"/> and runs every callback that became due, in time order.</summary>
    public void AdvanceTo(long time)
    {
        if (time < CurrentProcessingTime)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Processing time cannot go back from {CurrentProcessingTime}.");
        CurrentProcessingTime = time;
        while (_scheduled.TryPeek(out var callback, out var due) && due <= time)
        {
            _scheduled.Dequeue();
            if (callback.IsCancelled)
                _cancelled--;
            else
                callback.Run(time);
        }
    }
}

namespace ActorStream.Graph;

/// <summary>A processing-time clock that moves only when told: for operator tests that must never sleep.</summary>
public sealed class ManualProcessingTimeService(long start = 0) : IProcessingTimeService
{
    private readonly PriorityQueue<Action<long>, long> _scheduled = new();

    /// <inheritdoc />
    public long CurrentProcessingTime { get; private set; } = start;

    /// <summary>How many callbacks wait.</summary>
    public int Pending => _scheduled.Count;

    /// <inheritdoc />
    public void ScheduleAt(long timestamp, Action<long> onTime) => _scheduled.Enqueue(onTime, timestamp);

    /// <summary>Moves the clock to <paramref name="time"/> and runs every callback that became due, in time order.</summary>
    public void AdvanceTo(long time)
    {
        if (time < CurrentProcessingTime)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Processing time cannot go back from {CurrentProcessingTime}.");
        CurrentProcessingTime = time;
        while (_scheduled.TryPeek(out var callback, out var due) && due <= time)
        {
            _scheduled.Dequeue();
            callback(time);
        }
    }
}

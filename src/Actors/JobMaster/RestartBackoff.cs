using ActorStream.Graph;

namespace ActorStream.Actors.JobMaster;

/// <summary>
/// Applies a <see cref="RestartStrategy"/> to the failures of one job: says whether the job restarts
/// after a failure, and after which delay (Flink's RestartBackoffTimeStrategy). A job master that took
/// over a job starts from the <paramref name="restarts"/> it already had.
/// </summary>
internal sealed class RestartBackoff(RestartStrategy strategy, TimeProvider time, int restarts = 0)
{
    private readonly Queue<long> _recentFailures = new();
    private TimeSpan _currentDelay = strategy is ExponentialDelayRestart e ? e.Initial : TimeSpan.Zero;
    private long _lastFailure = long.MinValue;
    private readonly Random _jitter = new(17);

    /// <summary>Restarts so far.</summary>
    public int Restarts { get; private set; } = restarts;

    /// <summary>Records a failure; the delay before restarting, or null when the strategy gives up.</summary>
    public TimeSpan? OnFailure()
    {
        var now = time.GetTimestamp();
        TimeSpan? delay = strategy switch
        {
            NoRestart => null,
            FixedDelayRestart fixedDelay => Restarts < fixedDelay.Attempts ? fixedDelay.Delay : null,
            FailureRateRestart rate => WithinRate(rate, now) ? rate.Delay : null,
            ExponentialDelayRestart exponential => NextExponential(exponential, now),
            _ => throw new InvalidOperationException($"Unknown restart strategy {strategy}."),
        };
        _lastFailure = now;
        if (delay is not null)
            Restarts++;
        return delay;
    }

    private bool WithinRate(FailureRateRestart rate, long now)
    {
        _recentFailures.Enqueue(now);
        while (_recentFailures.Count > 0 && time.GetElapsedTime(_recentFailures.Peek(), now) > rate.Interval)
            _recentFailures.Dequeue();
        return _recentFailures.Count <= rate.MaxFailures;
    }

    private TimeSpan NextExponential(ExponentialDelayRestart exponential, long now)
    {
        if (_lastFailure != long.MinValue && time.GetElapsedTime(_lastFailure, now) >= exponential.ResetAfter)
            _currentDelay = exponential.Initial; // a long healthy run resets the backoff
        var delay = _currentDelay;
        _currentDelay = TimeSpan.FromTicks(Math.Min(exponential.Max.Ticks, (long)(Math.Max(_currentDelay.Ticks, 1) * exponential.Multiplier)));
        var jitter = delay.Ticks * exponential.Jitter * (_jitter.NextDouble() * 2 - 1);
        return TimeSpan.FromTicks(Math.Max(0, delay.Ticks + (long)jitter));
    }
}

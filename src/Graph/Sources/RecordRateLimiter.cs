namespace ActorStream.Graph.Sources;

/// <summary>
/// Paces one source reader to a fixed number of records per second on a <see cref="TimeProvider"/>'s
/// clock, as a token bucket holding at most one second of permits. The first record is due at the
/// first acquire; record n is due 1/rate seconds after record n-1. A reader never sleeps in PollNext:
/// it returns <see cref="InputStatus.NothingAvailable"/> and waits in <see cref="WaitForNextAsync"/>.
/// </summary>
public sealed class RecordRateLimiter
{
    /// <summary>
    /// The shortest wait: at high rates the next record is due in well under a millisecond, and
    /// waking for each one would spin the reader's subtask. Waking at most every 10 ms lets a
    /// burst accumulate instead; the rate over any second stays the same.
    /// </summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(10);

    private readonly TimeProvider _time;
    private readonly double _ticksPerRecord;
    private readonly double _maxBacklogTicks;
    private long _origin;
    private double _nextDue = double.NaN;

    /// <summary>Creates a limiter of <paramref name="recordsPerSecond"/> on <paramref name="time"/>.</summary>
    public RecordRateLimiter(double recordsPerSecond, TimeProvider time)
    {
        ValidateRate(recordsPerSecond, nameof(recordsPerSecond));
        _time = time;
        _ticksPerRecord = time.TimestampFrequency / recordsPerSecond;
        // Like Guava's SmoothBursty (Flink's GuavaRateLimiter), keep at most one second of unused
        // permits, so a reader that was back-pressured for a long time does not then flood downstream.
        _maxBacklogTicks = time.TimestampFrequency;
    }

    /// <summary>Throws unless <paramref name="recordsPerSecond"/> is a positive, finite rate.</summary>
    public static void ValidateRate(double recordsPerSecond, string parameterName)
    {
        if (!(recordsPerSecond > 0 && double.IsFinite(recordsPerSecond)))
            throw new ArgumentOutOfRangeException(parameterName, recordsPerSecond, "The rate must be a positive number of records per second.");
    }

    /// <summary>How many records, at most <paramref name="max"/>, may be emitted now; takes their permits.</summary>
    public long Acquire(long max)
    {
        var now = Now();
        _nextDue = Math.Max(_nextDue, now - _maxBacklogTicks);
        if (now < _nextDue)
            return 0;
        var granted = Math.Min(max, 1 + (long)((now - _nextDue) / _ticksPerRecord));
        _nextDue += granted * _ticksPerRecord;
        return granted;
    }

    /// <summary>How long until the next record is due; zero when it already is.</summary>
    public TimeSpan TimeUntilNext()
    {
        var now = Now();
        var wait = _nextDue - now;
        if (wait <= 0)
            return TimeSpan.Zero;
        return TimeSpan.FromTicks((long)Math.Ceiling(wait * TimeSpan.TicksPerSecond / _time.TimestampFrequency));
    }

    /// <summary>Completes when the next record is due, on the limiter's clock.</summary>
    public Task WaitForNextAsync(CancellationToken cancellationToken)
    {
        var wait = TimeUntilNext();
        return wait > TimeSpan.Zero
            ? Task.Delay(wait < MinimumWait ? MinimumWait : wait, _time, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Ticks since the first call, so doubles keep sub-tick precision however long the process has run.</summary>
    private double Now()
    {
        var timestamp = _time.GetTimestamp();
        if (double.IsNaN(_nextDue))
        {
            _origin = timestamp;
            _nextDue = 0;
        }
        return timestamp - _origin;
    }
}
